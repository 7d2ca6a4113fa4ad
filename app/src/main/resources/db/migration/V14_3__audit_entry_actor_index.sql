-- The audit page offers the users who appear in the log as a choice of its filter, and the log is filtered by
-- user (page and API): without this index both read every entry. One user's entries are one organisation's, so a
-- party's auditor gets their own users by one look-up each.
create index audit_entry_actor_idx on audit_entry (actor, organisation_code);
