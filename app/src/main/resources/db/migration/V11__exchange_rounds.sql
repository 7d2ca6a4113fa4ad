-- Exchange rounds (README, "Exchange rounds"): two parties and an intermediary, each party's versioned request
-- and offer lists, the reconciliation of each request version against the holder's registry, and the holder's
-- confirmations. Versions, entries, removals, matches and confirmations are never changed once written.

create table exchange_round (
    id               bigint generated always as identity primary key,
    -- how many times the round changed: 1 when opened, +1 at each change of state
    version          integer not null default 1,
    title            text not null,
    -- the party that opened the round and the other one
    first_party_id   bigint not null references organisation (id),
    second_party_id  bigint not null references organisation (id),
    intermediary_id  bigint references organisation (id),
    state            text not null check (state in ('NEGOTIATING', 'AGREED', 'EXECUTED', 'ABANDONED')),
    created_by       text not null,
    created_at       timestamptz not null,
    abandoned_by     text,
    abandoned_at     timestamptz,
    abandon_reason   text,
    check (first_party_id <> second_party_id),
    check ((state = 'ABANDONED') = (abandoned_at is not null))
);

create index exchange_round_first_idx on exchange_round (first_party_id, id);
create index exchange_round_second_idx on exchange_round (second_party_id, id);
create index exchange_round_intermediary_idx on exchange_round (intermediary_id, id);

create table exchange_list_version (
    id             bigint generated always as identity primary key,
    round_id       bigint not null references exchange_round (id),
    party_id       bigint not null references organisation (id),
    kind           text not null check (kind in ('request', 'offer')),
    number         integer not null check (number >= 1),
    created_by     text not null,
    created_at     timestamptz not null,
    entry_count    integer not null,
    removal_count  integer not null,
    -- two submissions based on the same version: the second one finds its number taken
    unique (round_id, party_id, kind, number)
);

create table exchange_list_entry (
    version_id      bigint not null references exchange_list_version (id),
    position        integer not null,
    ref             text not null,
    person_id       bigint references person (id),
    surname         text,
    given_name      text,
    patronymic      text,
    full_name       text,
    date_of_birth   text check (date_of_birth ~ '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$'),
    service_number  text,
    unit            text,
    rank            text,
    note            text,
    -- SHA-256 of the entry's canonical JSON: an entry unchanged between versions keeps its confirmation
    content_hash    bytea not null,
    primary key (version_id, position),
    unique (version_id, ref)
);

create index exchange_list_entry_person_idx on exchange_list_entry (person_id) where person_id is not null;

create table exchange_list_removal (
    version_id  bigint not null references exchange_list_version (id),
    ref         text not null,
    reason      text not null check (reason in ('DUPLICATE', 'RETURNED', 'DIED', 'FOUND_ELSEWHERE', 'NOT_HELD',
                    'WITHDRAWN_BY_FAMILY', 'DECLINES_REPATRIATION', 'OTHER')),
    note        text,
    check (reason <> 'OTHER' or note is not null),
    primary key (version_id, ref)
);

-- The reconciliation of a request version's entry against the registry of the party asked, made once when the
-- version is submitted.
create table exchange_match (
    version_id   bigint not null references exchange_list_version (id),
    ref          text not null,
    outcome      text not null check (outcome in ('FOUND', 'AMBIGUOUS', 'NOT_FOUND', 'NOT_ELIGIBLE')),
    person_id    bigint references person (id),
    score        double precision,
    explanation  text,
    -- [{"personId": internal key, "score": p, "explanation": "…"}], best first
    candidates   jsonb not null default '[]'::jsonb,
    reason       text check (reason in ('DIED', 'EXCHANGED', 'REPATRIATED', 'RELEASED', 'ESCAPED',
                     'VERIFIED_NOT_RETURNING')),
    check ((outcome = 'NOT_ELIGIBLE') = (reason is not null)),
    check ((outcome in ('FOUND', 'NOT_ELIGIBLE')) = (person_id is not null)),
    primary key (version_id, ref)
);

create index exchange_match_person_idx on exchange_match (person_id) where person_id is not null;

-- The holder's decision on a requested entry. It holds for the entry as it was (content_hash) in every later
-- version of the list that keeps it unchanged; the latest decision counts.
create table exchange_confirmation (
    id            bigint generated always as identity primary key,
    round_id      bigint not null references exchange_round (id),
    -- the requesting party, whose request list holds the entry
    party_id      bigint not null references organisation (id),
    ref           text not null,
    content_hash  bytea not null,
    version_id    bigint not null references exchange_list_version (id),
    decision      text not null check (decision in ('CONFIRMED', 'REJECTED')),
    person_id     bigint references person (id),
    decided_by    text not null,
    decided_at    timestamptz not null,
    check (decision = 'CONFIRMED' or person_id is null)
);

create index exchange_confirmation_entry_idx on exchange_confirmation (round_id, party_id, ref, content_hash, id);

create trigger exchange_list_version_no_update before update or delete on exchange_list_version
    for each row execute function append_only();
create trigger exchange_list_entry_no_update before update or delete on exchange_list_entry
    for each row execute function append_only();
create trigger exchange_list_removal_no_update before update or delete on exchange_list_removal
    for each row execute function append_only();
create trigger exchange_match_no_update before update or delete on exchange_match
    for each row execute function append_only();
create trigger exchange_confirmation_no_update before update or delete on exchange_confirmation
    for each row execute function append_only();
