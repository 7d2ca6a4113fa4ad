-- The tamper-evident audit log (feature package org.parley.audit), and the registry's snapshots of each
-- person's state that audit entries hash (org.parley.registry).

-- One entry per change and per refused access. seq is the leaf index of the RFC 9162 Merkle tree, 0-based and
-- without gaps; leaf_hash is SHA-256(0x00 || canonical JSON of the entry, see AuditEntry).
create table audit_entry (
    seq               bigint primary key check (seq >= 0),
    at                timestamptz not null,
    actor             text,
    organisation_code text,
    action            text not null,
    record_type       text not null,
    record_id         text,
    record_version    integer,
    state_hash        bytea not null check (length(state_hash) = 32),
    leaf_hash         bytea not null check (length(leaf_hash) = 32)
);

create index audit_entry_organisation_idx on audit_entry (organisation_code, seq);
create index audit_entry_record_idx on audit_entry (record_type, record_id, seq);
create index audit_entry_at_idx on audit_entry (at);

-- Hashes of the complete subtrees of 2^level leaves (level >= 1; level 0 is audit_entry.leaf_hash), written
-- when their last leaf is appended: a proof reads O(log n) of them.
create table audit_node (
    level smallint not null check (level between 1 and 62),
    idx   bigint not null check (idx >= 0),
    hash  bytea not null check (length(hash) = 32),
    primary key (level, idx)
);

-- The tree's size and right edge (TreeFrontier). Its one row is locked by every append, which serialises
-- appends into one gap-free order.
create table audit_head (
    id       integer primary key check (id = 1),
    size     bigint not null,
    frontier bytea not null
);
insert into audit_head (id, size, frontier) values (1, 0, ''::bytea);

-- Signed tree heads (CheckpointNote has the signed text).
create table audit_checkpoint (
    tree_size bigint primary key,
    root_hash bytea not null check (length(root_hash) = 32),
    signed_at timestamptz not null,
    signature bytea not null
);

create function audit_append_only() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only (% refused)', tg_table_name, tg_op;
end;
$$;

create trigger audit_entry_append_only before update or delete on audit_entry
    for each row execute function audit_append_only();
create trigger audit_node_append_only before update or delete on audit_node
    for each row execute function audit_append_only();
create trigger audit_checkpoint_append_only before update or delete on audit_checkpoint
    for each row execute function audit_append_only();

-- Registry: the canonical JSON of a person's state after each change (PersonStates), the text whose SHA-256 the
-- audit entry of that change holds. Append-only like the events.
create table person_state (
    person_id bigint not null references person (id),
    version   integer not null,
    state     text not null,
    primary key (person_id, version)
);

-- Registry: a person's history marks superseded events by looking them up; without this index every history read
-- (each event appended) scanned the whole event table.
create index person_event_supersedes_idx on person_event (supersedes) where supersedes is not null;

create trigger person_state_append_only before update or delete on person_state
    for each row execute function audit_append_only();
