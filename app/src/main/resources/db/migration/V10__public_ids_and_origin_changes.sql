-- Opaque public ids, and changes of a notified person's power of origin (README, "Access control").

-- Secrets of this instance that belong with its data (a backup carries them): the key that turns internal
-- keys into public ids. Written once by the application (org.parley.api.PublicIds), never changed: a new key
-- would change every public id.
create table instance_secret (
    name  text primary key,
    value bytea not null
);

-- A notified person's power of origin changes only when the intermediary confirms the holding party's request;
-- the former power of origin keeps reading the record (visibility grows, never shrinks).
create table origin_change (
    id                 bigint generated always as identity primary key,
    person_id          bigint not null references person (id),
    from_origin_id     bigint references organisation (id),
    to_origin_id       bigint references organisation (id),
    reason             text not null,
    requested_by       text not null,
    requested_at       timestamptz not null default now(),
    decision           text check (decision in ('CONFIRMED', 'REJECTED')),
    decided_by         text,
    decision_note      text,
    decided_at         timestamptz,
    check ((decision is null) = (decided_by is null) and (decision is null) = (decided_at is null))
);

create index origin_change_person_idx on origin_change (person_id);
-- at most one open request per person
create unique index origin_change_open_idx on origin_change (person_id) where decision is null;

create table person_former_origin (
    person_id       bigint not null references person (id),
    organisation_id bigint not null references organisation (id),
    since           timestamptz not null default now(),
    primary key (organisation_id, person_id)
);

-- a person's former origins are read with the person
create index person_former_origin_person_idx on person_former_origin (person_id);

create trigger person_former_origin_no_update before update or delete on person_former_origin
    for each row execute function append_only();
