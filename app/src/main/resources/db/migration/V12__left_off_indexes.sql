-- "Left off the list" (exchange.LeftOffRepository) reads every person in custody a party holds of the other's
-- origin: at a million persons, half the person table (1.4 GB). Two indexes on exactly those rows:
-- - for the counts, every column the query reads (its condition, the caller's visibility, the breakdown), so that
--   PostgreSQL counts from the index alone (an index-only scan of some tens of MB), not from the table;
-- - for a page of persons, their order by name, so that a page is the first rows of the index that are left off
--   rather than a sort of all of them.
create index person_custody_counts_idx on person (holding_party_id, power_of_origin_id)
    include (id, status, notified_on, category, rank_group, branch, health_state, seriously_ill_or_wounded,
             capture_date)
    where status in ('CAPTURED', 'INTERNED', 'HOSPITALISED');
create index person_custody_by_name_idx on person (holding_party_id, power_of_origin_id, lower(surname),
        lower(given_name), id)
    where status in ('CAPTURED', 'INTERNED', 'HOSPITALISED');
