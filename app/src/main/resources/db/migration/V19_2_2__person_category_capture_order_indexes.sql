-- A category's list page ordered by capture date or by time in captivity walked person_capture_idx or
-- person_captivity_ended_idx, whose first column is the date, past every person of the other categories until it had
-- its rows: at a million persons, civilian internees (9 %) by time in captivity took 29 ms a page on average in the
-- mixed load of README "Benchmarks" (up to 1,000 rows a branch for page 20, 4,000 buffers), the costliest list page
-- there. With the category first, such a page reads its own category's entries only. Visibility, status and the end
-- of custody are included, so that the page stays in the index (and the two dates of the expression, which an index
-- cannot give back from the expression itself).
create index person_category_capture_idx on person (category, capture_date, id)
    include (holding_party_id, power_of_origin_id, notified_on, status, custody_ended_on);
create index person_category_captivity_ended_idx on person (category, (custody_ended_on - capture_date) desc, id)
    include (holding_party_id, power_of_origin_id, notified_on, status, custody_ended_on, capture_date)
    where custody_ended_on is not null and capture_date is not null;
