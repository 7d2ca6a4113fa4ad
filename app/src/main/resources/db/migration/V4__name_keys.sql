-- Name search keys of every person (org.parley.names.SearchKeys), computed in Java on insert, update and bulk
-- load: the Latin matching key of every name word in any script, its surname stem, and the given-name and
-- father's-name equivalence keys, so that "Aleksandr Kovalenko" finds Олександр Коваленко.
create table person_name_key (
    person_id bigint not null references person (id) on delete cascade,
    key       text   not null,
    primary key (person_id, key)
);

create index person_name_key_key_idx on person_name_key (key, person_id);
