-- The index of the reconciliation's join (see V17_3_1): a party's block of a key, read from the index alone.
create index person_blocking_key_holder_idx on person_blocking_key (holding_party_id, key, person_id);
analyze person_blocking_key;
