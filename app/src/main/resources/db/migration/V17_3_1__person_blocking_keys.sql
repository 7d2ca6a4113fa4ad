-- The blocking keys of every person (org.parley.names.PreparedPerson#blockingKeys) as their 64-bit hashes
-- (org.parley.names.BlockingIndex#hash), beside the person's holding party: an exchange's reconciliation finds the
-- persons a party holds who share a key with a requested record by a join on this table, and reads and prepares only
-- those, instead of every person the party holds (README, "Exchange rounds"). Computed in Java and written with the
-- person, like person_name_key; V17_3_2 fills it for the persons stored before, V17_3_3 then builds its index.
create table person_blocking_key (
    person_id        bigint not null references person (id) on delete cascade,
    holding_party_id bigint not null,
    key              bigint not null,
    primary key (person_id, key)
);
