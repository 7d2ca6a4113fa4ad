-- The person list (README, "The person list"): names in the alphabetical order of the reader's language, and the
-- time each person spent in captivity.

-- ICU collations (PostgreSQL built with ICU, as the embedded server and the usual packages are): Ukrainian order
-- (а б в г ґ д е є ж з и і ї й к …), Russian order (… е ё ж …, ё sorted with е), and the root order of the Unicode
-- Collation Algorithm for every other language: Latin first, then Cyrillic in its common order, which agrees with
-- both (ґ after г, є after е, і ї after и, ё with е).
create collation parley_uk (provider = icu, locale = 'uk');
create collation parley_ru (provider = icu, locale = 'ru');
create collation parley_root (provider = icu, locale = 'und');

-- One index per order, so that a page of the list is the first rows of an index, not a sort of every person. Each
-- also holds what the caller's visibility and the status filter read, so that PostgreSQL walks it without reading the
-- table (an index-only scan) until the page, however deep: page 500 of 50 rows in 30 ms instead of 360 ms.
create index person_name_uk_idx on person (surname collate parley_uk, given_name collate parley_uk, id)
    include (holding_party_id, power_of_origin_id, notified_on, status);
create index person_name_ru_idx on person (surname collate parley_ru, given_name collate parley_ru, id)
    include (holding_party_id, power_of_origin_id, notified_on, status);
create index person_name_root_idx on person (surname collate parley_root, given_name collate parley_root, id)
    include (holding_party_id, power_of_origin_id, notified_on, status);
-- The list was ordered by lower(surname) in the database's default collation (C: І and Є after Я); nothing else
-- reads this index any more.
drop index person_order_idx;

-- The day custody ended (exchange, repatriation, release, escape, death, remaining), derived from the lifecycle
-- like the status; null while the person is in custody. Time in captivity runs from the capture date to that day,
-- or to today.
alter table person add column custody_ended_on date;

update person p set custody_ended_on = ended.day
from (select e.person_id, max(e.occurred_on) as day from person_event e
      where e.type in ('EXCHANGED', 'REPATRIATED', 'RELEASED', 'ESCAPED', 'DIED', 'REMAINED')
        and not exists (select 1 from person_event c where c.supersedes = e.id)
      group by e.person_id) ended
where ended.person_id = p.id and p.status not in ('CAPTURED', 'INTERNED', 'HOSPITALISED');

-- Orders by date (see PersonRepository#orderedIds): by capture date (this index, read either way, also serves the
-- filters by capture date), and by time in captivity, merged from those in custody (by capture date) and those whose
-- custody ended (by the length of their finished captivity, this index).
drop index person_capture_date_idx;
create index person_capture_idx on person (capture_date, id)
    include (holding_party_id, power_of_origin_id, notified_on, status, custody_ended_on);
create index person_captivity_ended_idx on person ((custody_ended_on - capture_date) desc, id)
    include (holding_party_id, power_of_origin_id, notified_on, status, custody_ended_on, capture_date)
    where custody_ended_on is not null and capture_date is not null;

-- Counting the list: every column that visibility and the registry's own filters read, so that PostgreSQL counts
-- from this index alone (an index-only scan of some tens of MB at a million persons) rather than the table.
create index person_list_count_idx on person (holding_party_id, power_of_origin_id, notified_on)
    include (id, status, category, branch, rank_group, capture_date);
