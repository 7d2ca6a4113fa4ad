package org.parley.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.parley.api.Caller;
import org.parley.api.ForbiddenException;
import org.parley.api.NotFoundException;
import org.parley.api.PublicIds;
import org.parley.api.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The entry list for auditors: the intermediary's auditors see every entry, a party's auditors their own
 * organisation's (the entries its users caused), nobody else any. Newest first.
 */
@Service
class AuditEntries {

    static final int MAX_PAGE_SIZE = 200;
    static final String RECORD = "audit-entry";
    private static final Pattern INTERNAL_KEY = Pattern.compile("[1-9][0-9]{0,18}");

    /** A page of entries, with their leaf hashes, and how many match in all. */
    record Page(List<Listed> items, long total, int page, int size) {
    }

    record Listed(AuditEntry entry, byte[] leafHash) {
    }

    /** The kinds of public id of the record types whose entries carry internal keys (see {@link PublicIds}). */
    private static final Map<String, PublicIds.Kind> PUBLIC_KINDS = Map.of("person", PublicIds.Kind.PERSON,
            "statement", PublicIds.Kind.STATEMENT, "origin-change", PublicIds.Kind.ORIGIN_CHANGE);

    private final JdbcClient jdbc;
    private final PublicIds publicIds;

    AuditEntries(JdbcClient jdbc, PublicIds publicIds) {
        this.jdbc = jdbc;
        this.publicIds = publicIds;
    }

    /**
     * An entry as the API and the page show it. Entries name persons and statements by their internal keys (the
     * leaf hashes them so, and they cannot change); {@code recordId} shows the public id the reader knows instead.
     * Only the intermediary's auditors also get the key as stored ({@code storedRecordId}): a party could count
     * the other party's records from the gaps between its own.
     */
    Map<String, Object> write(Caller caller, Listed listed) {
        AuditEntry e = listed.entry();
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("seq", e.seq());
        node.put("at", e.at().toString());
        node.put("actor", e.actor());
        node.put("organisation", e.organisation());
        node.put("action", e.action());
        node.put("recordType", e.recordType());
        node.put("recordId", publicRecordId(e.recordType(), e.recordId()));
        if (caller.intermediary()) {
            node.put("storedRecordId", e.recordId());
        }
        node.put("recordVersion", e.recordVersion());
        node.put("stateHash", Base64.getEncoder().encodeToString(e.stateHash()));
        node.put("leafHash", Base64.getEncoder().encodeToString(listed.leafHash()));
        return node;
    }

    private String publicRecordId(String recordType, String recordId) {
        PublicIds.Kind kind = PUBLIC_KINDS.get(recordType);
        return kind != null && recordId != null && INTERNAL_KEY.matcher(recordId).matches()
                ? publicIds.of(kind, Long.parseLong(recordId)) : recordId;
    }

    /** The stored ids an id asked for may be: itself, and the internal key of a public id. */
    private List<String> storedIds(String recordType, String recordId) {
        List<String> ids = new ArrayList<>(List.of(recordId));
        PUBLIC_KINDS.forEach((type, kind) -> {
            if (recordType == null || recordType.equals(type)) {
                try {
                    ids.add(Long.toString(publicIds.parse(kind, recordId)));
                } catch (NotFoundException notThisKind) {
                    // not a public id of this kind
                }
            }
        });
        return ids;
    }

    /** The filter this caller may use: a party's auditor is held to their own organisation. */
    static EntryFilter visible(Caller caller, EntryFilter filter) {
        if (!caller.has(Role.AUDITOR) || caller.organisation() == null) {
            throw new ForbiddenException("only auditors read the audit log", RECORD, null);
        }
        if (caller.intermediary()) {
            return filter;
        }
        if (filter.organisation() != null && !filter.organisation().equals(caller.organisation())) {
            throw new ForbiddenException("auditors of a party read their own organisation's entries only", RECORD,
                    null);
        }
        return filter.withOrganisation(caller.organisation());
    }

    Page find(Caller caller, EntryFilter requested, int page, int size) {
        EntryFilter filter = visible(caller, requested);
        Map<String, Object> params = new HashMap<>();
        String where = where(filter, params);
        if (filter.recordId() != null) {
            where += " and record_id in (:storedIds)";
            params.put("storedIds", storedIds(filter.recordType(), filter.recordId()));
        }
        long total = jdbc.sql("select count(*) from audit_entry " + where).params(params).query(Long.class).single();
        List<Listed> items = jdbc.sql("select " + COLUMNS + " from audit_entry " + where + " order by seq desc limit :limit "
                        + "offset :offset")
                .params(params).param("limit", size).param("offset", (long) page * size)
                .query(AuditEntries::map).list();
        return new Page(items, total, page, size);
    }

    private static String where(EntryFilter filter, Map<String, Object> params) {
        List<String> conditions = new ArrayList<>();
        equal(conditions, params, "organisation_code", filter.organisation());
        equal(conditions, params, "actor", filter.actor());
        equal(conditions, params, "action", filter.action());
        equal(conditions, params, "record_type", filter.recordType());
        if (filter.from() != null) {
            conditions.add("at >= :from");
            params.put("from", Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            conditions.add("at < :to");
            params.put("to", Timestamp.from(filter.to()));
        }
        return "where " + (conditions.isEmpty() ? "true" : String.join(" and ", conditions));
    }

    private static void equal(List<String> conditions, Map<String, Object> params, String column, String value) {
        if (value != null) {
            conditions.add(column + " = :" + column);
            params.put(column, value);
        }
    }

    /**
     * The organisations whose entries the caller may read, by code (the intermediary's auditors: every one in the
     * log; a party's: their own). Read by skipping through the index of organisations, not the entries.
     */
    List<String> organisations(Caller caller) {
        EntryFilter scope = visible(caller, EntryFilter.NONE);
        if (scope.organisation() != null) {
            return List.of(scope.organisation());
        }
        return jdbc.sql("""
                with recursive codes (code) as (
                    select min(organisation_code) from audit_entry
                    union all
                    select (select min(organisation_code) from audit_entry where organisation_code > codes.code)
                    from codes where codes.code is not null)
                select code from codes where code is not null""").query(String.class).list();
    }

    /** The users who appear as actors in the entries the caller may read, skipping through the index of actors. */
    List<String> actors(Caller caller) {
        EntryFilter scope = visible(caller, EntryFilter.NONE);
        return jdbc.sql("""
                with recursive actors (actor) as (
                    select min(actor) from audit_entry
                    union all
                    select (select min(actor) from audit_entry where actor > actors.actor)
                    from actors where actors.actor is not null)
                select actor from actors a where actor is not null and (cast(:organisation as text) is null
                    or exists (select 1 from audit_entry e where e.actor = a.actor
                               and e.organisation_code = :organisation))""")
                .param("organisation", scope.organisation()).query(String.class).list();
    }

    /** The columns {@link #map} reads, in its order (by position: a million rows are read by the verifier). */
    static final String COLUMNS = "seq, at, actor, organisation_code, action, record_type, record_id, record_version, "
            + "state_hash, leaf_hash";

    static Listed map(ResultSet rs, int row) throws SQLException {
        return new Listed(new AuditEntry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                (Integer) rs.getObject(8), rs.getBytes(9)), rs.getBytes(10));
    }
}
