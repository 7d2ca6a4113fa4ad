-- The name search's pairs (README, "Name search at a million persons"; org.parley.registry.SearchWords#pairs): each
-- search key of a person's surname joined by a space to each search key of the given name. A query of common words
-- (tens of thousands of rows each) finds the persons whose surname and given name two of its words are by one lookup
-- of this index, instead of intersecting the words' rows of person_search_word.
create table person_name_pair (
    person_id bigint not null references person (id) on delete cascade,
    pair      text   collate "C" not null
);

-- the persons stored before: their keys are person_search_word's (V17_1_1, V17_1_2), joined here as the Java code
-- joins them; the keys themselves never hold a space. The indexes are built once, after the rows.
insert into person_name_pair (person_id, pair)
select s.person_id, s.word || ' ' || g.word
from person_search_word s
join person_search_word g on g.person_id = s.person_id and g.part = 2 and not g.written
where s.part = 1 and not s.written;

alter table person_name_pair add primary key (person_id, pair);
create index person_name_pair_idx on person_name_pair (pair, person_id);
analyze person_name_pair;
