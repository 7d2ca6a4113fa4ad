-- The name search (README, "The person list"; org.parley.registry.NameSearch): every word of a person's names and
-- numbers as written (normalised), and every search key of the names, with the part of the record it belongs to
-- (1 surname, 2 given name, 3 patronymic, 4 service or prisoner number). A query word is looked up by one range of
-- the index (the words that begin with it) and by equality (its keys), and the rows say how each match matches,
-- so a search reads neither the persons it does not show nor a trigram index of every person.
create table person_search_word (
    person_id bigint   not null references person (id) on delete cascade,
    part      smallint not null,
    written   boolean  not null,
    word      text     collate "C" not null,
    primary key (person_id, part, written, word)
);
create index person_search_word_idx on person_search_word (word, person_id) include (part, written);

-- Every distinct name word as written, for the search by a piece inside a word: trigrams over the names' vocabulary
-- (some hundred thousand words) instead of over every person. Words are never removed: one nobody has any more only
-- leads to no rows.
create table name_word (
    word text collate "C" primary key
);
create index name_word_trigram_idx on name_word using gin (word gin_trgm_ops);

-- The search no longer reads the persons' joined search text (it was read by trigrams): neither it nor its index is kept.
drop index person_search_idx;
alter table person drop column search_key;
