-- "Left off the list" (exchange.LeftOffRepository) reads every person in custody a party holds of the other's
-- origin: at a million persons, half the person table. This index holds exactly those rows with every column the
-- query reads (its condition, the caller's visibility, the breakdown, the order by name), so PostgreSQL answers
-- from the index (an index-only scan of some tens of MB) instead of reading the 1.4 GB table.
create index person_custody_by_holder_idx on person (holding_party_id, power_of_origin_id)
    include (id, status, notified_on, surname, given_name, category, rank_group, branch, health_state,
             seriously_ill_or_wounded, capture_date)
    where status in ('CAPTURED', 'INTERNED', 'HOSPITALISED');
