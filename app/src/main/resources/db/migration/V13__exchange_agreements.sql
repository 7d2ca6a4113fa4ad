-- Exchange rounds II (README, "Exchange rounds"): the shared exchange list, its versions and their approvals, the
-- agreement, the handover and the round's report. Everything here is written once and never changed.

alter table exchange_round
    -- the exchange-list version both parties approved last: the agreement that governs (AGREED, EXECUTED)
    add column agreed_version integer,
    add column agreed_at      timestamptz,
    add column executed_at    timestamptz,
    add check ((state in ('AGREED', 'EXECUTED')) = (agreed_version is not null) or state = 'ABANDONED'),
    add check ((state = 'EXECUTED') = (executed_at is not null));

-- A version of the exchange list: the persons each party releases, the persons left out with why, as one document.
-- The document (its canonical JSON, as served and as approvals hash it) is the version; the items repeat who is
-- released, for the queries that need them (handover, the interview queue).
create table exchange_release_version (
    id          bigint generated always as identity primary key,
    round_id    bigint not null references exchange_round (id),
    number      integer not null check (number >= 1),
    created_by  text not null,
    created_at  timestamptz not null,
    document    json not null,
    -- SHA-256 of the document's canonical JSON (RFC 8785): what approvals sign
    document_hash bytea not null,
    unique (round_id, number)
);

create table exchange_release_item (
    version_id          bigint not null references exchange_release_version (id),
    -- the party that releases the person
    side_id             bigint not null references organisation (id),
    person_id           bigint not null references person (id),
    position            integer not null,
    counted_in_balance  boolean not null,
    primary key (version_id, person_id)
);

create index exchange_release_item_person_idx on exchange_release_item (person_id);

-- A party's approval of a version (or the intermediary's witness approval), signed by the instance key.
create sequence exchange_approval_id_seq;
create table exchange_approval (
    id               bigint primary key,
    round_id         bigint not null references exchange_round (id),
    version_id       bigint not null references exchange_release_version (id),
    organisation_id  bigint not null references organisation (id),
    role             text not null check (role in ('PARTY', 'WITNESS')),
    version_hash     bytea not null,
    approved_by      text not null,
    approved_at      timestamptz not null,
    signature        bytea not null,
    -- the approval's entry in the audit log (its state is the signed approval)
    audit_seq        bigint not null,
    unique (version_id, organisation_id)
);

create index exchange_approval_round_idx on exchange_approval (round_id, id);

-- What happened to each person of the agreement at the handover; the latest entry of a person counts.
create table exchange_handover_entry (
    id           bigint generated always as identity primary key,
    round_id     bigint not null references exchange_round (id),
    person_id    bigint not null references person (id),
    outcome      text not null check (outcome in ('TRANSFERRED', 'DID_NOT_APPEAR', 'DECLINED')),
    note         text,
    recorded_by  text not null,
    recorded_at  timestamptz not null
);

create index exchange_handover_entry_round_idx on exchange_handover_entry (round_id, person_id, id);

-- In a round without an intermediary, both parties' negotiators complete the handover: the first one's request
-- waits here for the other's.
create table exchange_completion_request (
    round_id         bigint not null references exchange_round (id),
    organisation_id  bigint not null references organisation (id),
    requested_by     text not null,
    requested_at     timestamptz not null,
    primary key (round_id, organisation_id)
);

-- The round's report, made when the handover is completed.
create table exchange_report (
    round_id    bigint primary key references exchange_round (id),
    report      json not null,
    created_at  timestamptz not null
);

create trigger exchange_release_version_no_update before update or delete on exchange_release_version
    for each row execute function append_only();
create trigger exchange_release_item_no_update before update or delete on exchange_release_item
    for each row execute function append_only();
create trigger exchange_approval_no_update before update or delete on exchange_approval
    for each row execute function append_only();
create trigger exchange_handover_entry_no_update before update or delete on exchange_handover_entry
    for each row execute function append_only();
create trigger exchange_completion_request_no_update before update or delete on exchange_completion_request
    for each row execute function append_only();
create trigger exchange_report_no_update before update or delete on exchange_report
    for each row execute function append_only();
