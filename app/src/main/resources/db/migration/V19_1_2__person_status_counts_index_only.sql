-- A list filtered by a rare status (HOSPITALISED: some hundreds among a million persons) is counted from this index,
-- whose rows matched every holding party's persons of that status but not whether the caller may see them: each
-- row's table row was read (35–115 ms at a million persons). With the columns of visibility included, the count stays
-- in the index.
drop index person_holding_idx;
create index person_holding_idx on person (holding_party_id, status) include (power_of_origin_id, notified_on, id);
