-- The person list's filters read from its order indexes (README, "The person list"). A page ordered by name or date
-- walks one of these indexes until it has its rows; V14_2 put what visibility and the status filter read in them, but
-- not the category, branch, rank group or (in the name orders) the capture date, so that a page filtered by one of
-- those read the table row of every person it passed: at a million persons, page 20 of civilian internees by name took
-- 0.3–0.4 s, of a half-year of captures 0.4 s. With them, the walk stays in the index.
drop index person_name_uk_idx;
create index person_name_uk_idx on person (surname collate parley_uk, given_name collate parley_uk, id)
    include (holding_party_id, power_of_origin_id, notified_on, status, category, branch, rank_group, capture_date);
drop index person_name_ru_idx;
create index person_name_ru_idx on person (surname collate parley_ru, given_name collate parley_ru, id)
    include (holding_party_id, power_of_origin_id, notified_on, status, category, branch, rank_group, capture_date);
drop index person_name_root_idx;
create index person_name_root_idx on person (surname collate parley_root, given_name collate parley_root, id)
    include (holding_party_id, power_of_origin_id, notified_on, status, category, branch, rank_group, capture_date);
drop index person_capture_idx;
create index person_capture_idx on person (capture_date, id)
    include (holding_party_id, power_of_origin_id, notified_on, status, custody_ended_on, category, branch,
             rank_group);
drop index person_captivity_ended_idx;
create index person_captivity_ended_idx on person ((custody_ended_on - capture_date) desc, id)
    include (holding_party_id, power_of_origin_id, notified_on, status, custody_ended_on, capture_date, category,
             branch, rank_group)
    where custody_ended_on is not null and capture_date is not null;
