-- Registry: a person's fact sources and a correction's changes are kept as the canonical JSON text (RFC 8785) that
-- the person's audited state embeds, in columns of type json (which keeps its text as written) instead of jsonb
-- (which must be converted back to text, in another member order, on every read). The audit verifier recomputes
-- a million persons' states from their rows: with jsonb, converting these columns to text and parsing them again
-- cost more than everything else it does. Nothing queries inside these columns.

-- Canonical text of a jsonb object of objects with scalar members, as CanonicalJson writes it: members sorted by
-- name (ASCII names: byte order is UTF-16 order), no whitespace; to_jsonb(text)::text and a scalar's text escape
-- as RFC 8785 does. Members whose value is null are left out where drop_nulls says so (sources leave absent
-- confidence and voluntariness out; a change's null "from" is a value). Strict: null (no changes) stays null.
create function parley_canonical_v6(value jsonb, drop_nulls boolean) returns text
    language plpgsql immutable strict as $$
declare
    members text;
begin
    if jsonb_typeof(value) <> 'object' then
        return value::text;
    end if;
    select string_agg(to_jsonb(key)::text || ':' || parley_canonical_v6(member, drop_nulls), ',' order by key collate "C")
        into members
        from jsonb_each(value) as m(key, member)
        where not (drop_nulls and jsonb_typeof(member) = 'null');
    return '{' || coalesce(members, '') || '}';
end;
$$;

alter table person alter column fact_sources drop default;
alter table person alter column fact_sources type json using parley_canonical_v6(fact_sources, true)::json;
alter table person alter column fact_sources set default '{}'::json;

alter table person_event alter column changes type json using parley_canonical_v6(changes, false)::json;

drop function parley_canonical_v6(jsonb, boolean);

-- person_state keeps the states persons had before a change replaced them (PersonStates): a person's latest state
-- is its row and last event, which the audit entry of that version hashes. The copies of latest states written
-- before this version are removed, once, so that each version is kept (and verified) once.
alter table person_state disable trigger person_state_append_only;
delete from person_state s using person p where p.id = s.person_id and s.version = p.version;
alter table person_state enable trigger person_state_append_only;
