-- A list page filtered by a rare status (HOSPITALISED: some hundreds among a million persons) is read from this
-- index, then sorted by name: every matching row's table row was read to learn whether the caller may see it and its
-- name (the intermediary's page, where none was notified yet: 1,533 rows read to show none, 28–64 ms at a million
-- persons). With visibility, id and the names included, the page is an index-only scan and a sort of those rows
-- (2.4 ms; a party's page 8–12 ms before, 1.1 ms after). 93 MB at a million persons instead of 7 MB.
drop index person_origin_idx;
create index person_origin_idx on person (power_of_origin_id, status)
    include (notified_on, holding_party_id, id, surname, given_name);
