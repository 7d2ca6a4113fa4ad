-- The person list's counts and pages and the name search read the person tables' indexes alone (index-only scans,
-- V19_1_2, V19_1_3, V19_2_1) — but only the rows of pages that VACUUM has marked all-visible; every other row is read
-- from the table too. PostgreSQL's default vacuums a table once a fifth of it has changed: at a million persons,
-- 200,000 registrations or corrections, months of a registry's work, while the pages they touched make the counts
-- read the table again (a page of the list counted in 66 ms instead of 1.6 ms after 12,000 dead and 11,000 new rows,
-- README "Mixed load and soak"). Here a hundredth: 10,000 changed rows at a million; a vacuum then reads only the
-- pages changed since the last one (1.8 s for the person table at a million).
alter table person set (autovacuum_vacuum_scale_factor = 0.01, autovacuum_vacuum_insert_scale_factor = 0.01);
alter table person_event set (autovacuum_vacuum_scale_factor = 0.01, autovacuum_vacuum_insert_scale_factor = 0.01);
alter table person_search_word set (autovacuum_vacuum_scale_factor = 0.01,
    autovacuum_vacuum_insert_scale_factor = 0.01);
alter table person_name_pair set (autovacuum_vacuum_scale_factor = 0.01,
    autovacuum_vacuum_insert_scale_factor = 0.01);
alter table person_name_key set (autovacuum_vacuum_scale_factor = 0.01, autovacuum_vacuum_insert_scale_factor = 0.01);
alter table person_blocking_key set (autovacuum_vacuum_scale_factor = 0.01,
    autovacuum_vacuum_insert_scale_factor = 0.01);
