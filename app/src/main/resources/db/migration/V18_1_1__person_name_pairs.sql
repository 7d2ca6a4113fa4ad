-- The name search's pairs (README, "Name search at a million persons"; org.parley.registry.SearchWords#pairs): each
-- search key of a person's surname joined by a space to each search key of the given name, and by a slash to each
-- search key of the patronymic. A query of common words (tens of thousands of rows each) finds the persons whose
-- surname and given name (and patronymic) its words are by lookups of this index, instead of intersecting the words'
-- rows of person_search_word.
create table person_name_pair (
    person_id bigint not null references person (id) on delete cascade,
    pair      text   collate "C" not null
);

-- Every surname and given name as written, under each of their pairs: the few spellings of one name in the registry
-- (Иванов Александр, Іванов Олександр for "ivanov =oleksandr"), whose persons the name order's index gives in order
-- (V14_2). Rows are never removed: a spelling nobody has any more only leads to no persons.
create table name_spelling (
    pair       text collate "C" not null,
    surname    text not null,
    given_name text not null,
    primary key (pair, surname, given_name)
);

-- the persons stored before: their keys are person_search_word's (V17_1_1, V17_1_2), joined here as the Java code
-- joins them; the keys themselves never hold a space or a slash. The indexes are built once, after the rows.
insert into person_name_pair (person_id, pair)
select s.person_id, s.word || case when o.part = 2 then ' ' else '/' end || o.word
from person_search_word s
join person_search_word o on o.person_id = s.person_id and o.part in (2, 3) and not o.written
where s.part = 1 and not s.written;

alter table person_name_pair add primary key (person_id, pair);
create index person_name_pair_idx on person_name_pair (pair, person_id);

-- one person of each surname and given name stands for all: the pairs depend on the names alone
insert into name_spelling (pair, surname, given_name)
select distinct n.pair, r.surname, r.given_name
from (select surname, given_name, min(id) as id from person where surname is not null and given_name is not null
      group by surname, given_name) r
join person_name_pair n on n.person_id = r.id and n.pair like '% %';

-- a given name's spellings by its key, for a search of a given name alone
create index name_spelling_given_name_idx on name_spelling (split_part(pair, ' ', 2));

analyze person_name_pair, name_spelling;
