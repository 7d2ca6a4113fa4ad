-- Imports of persons and events from files (interchange.ImportService): one row per import, with its state,
-- progress and counts, and the rows it refused (the downloadable report) and the warnings about rows it took. Visible to the importing organisation.
create table import_job (
    id              uuid primary key,
    organisation    text not null,
    created_by      text not null,
    file_name       text,
    holding_party   text not null,
    skip_bad_rows   boolean not null,
    state           text not null check (state in ('QUEUED', 'RUNNING', 'DONE', 'REFUSED', 'FAILED')),
    message         text,
    created_count   bigint not null default 0,
    updated_count   bigint not null default 0,
    unchanged_count bigint not null default 0,
    rejected_count  bigint not null default 0,
    rows_read       bigint not null default 0,
    bytes_read      bigint not null default 0,
    total_bytes     bigint not null default 0,
    created_at      timestamptz not null default now(),
    finished_at     timestamptz
);

create index import_job_organisation_idx on import_job (organisation, created_at desc);

create table import_job_problem (
    job_id  uuid not null references import_job (id) on delete cascade,
    seq     integer not null,
    line    bigint not null,
    field   text,
    value   text,
    reason  text not null,
    warning boolean not null default false,
    primary key (job_id, seq)
);

-- An import finds the holding party's persons by their prisoner numbers.
create index person_prisoner_number_idx on person (holding_party_id, prisoner_number)
    where prisoner_number is not null;
