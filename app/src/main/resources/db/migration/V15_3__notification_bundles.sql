-- Notification bundles between instances (GC III Art. 122 -> 123): organisations' public keys, the link from a
-- sender's record to the local person its bundles were merged into (registry), and the bundles sent and received
-- (interchange).

-- The Ed25519 public key (X.509 SubjectPublicKeyInfo, DER) a sending organisation signs its bundles with.
create table organisation_public_key (
    organisation_id bigint primary key references organisation (id),
    spki            bytea not null,
    set_at          timestamptz not null default now()
);

-- A person a sender notified, by the sender's record id, and how far its history was received.
create table notification_link (
    sender_id      bigint not null references organisation (id),
    sender_record  text not null,
    person_id      bigint not null unique references person (id),
    last_event_seq integer not null,
    primary key (sender_id, sender_record)
);

-- Bundles this instance exported: one sequence per (sender, receiver), each chained to the one before by its hash.
create table bundle_sent (
    sender      text not null,
    receiver    text not null,
    sequence    integer not null check (sequence > 0),
    hash        text not null,
    created_at  timestamptz not null,
    created_by  text not null,
    persons     integer not null,
    events      integer not null,
    tree_size   bigint not null,
    primary key (sender, receiver, sequence)
);

-- What the receiver was sent of each person: the record's version and its last event sent.
create table bundle_sent_person (
    sender         text not null,
    receiver       text not null,
    person_id      bigint not null,
    version        integer not null,
    last_event_seq integer not null,
    primary key (sender, receiver, person_id)
);

-- Bundles this instance accepted (refused ones leave nothing).
create table bundle_received (
    sender      text not null,
    receiver    text not null,
    sequence    integer not null check (sequence > 0),
    hash        text not null,
    created_at  timestamptz not null,
    received_at timestamptz not null default now(),
    received_by text not null,
    persons     integer not null,
    created     integer not null,
    updated     integer not null,
    events      integer not null,
    tree_size   bigint not null,
    primary key (sender, receiver, sequence)
);
