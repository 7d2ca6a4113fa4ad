package org.parley.interchange;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.parley.api.Caller;
import org.parley.api.CanonicalJson;
import org.parley.audit.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The column mappings each organisation confirmed on the import page, by the header they were made for (table
 * {@code import_mapping}): a file with the same header comes pre-mapped. Saving one is a settings change of the
 * organisation, audited.
 */
@Repository
class ColumnMappingStore {

    static final String RECORD = "import-mapping";
    static final String SAVE = "SAVE_IMPORT_MAPPING";

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final JsonMapper json;

    ColumnMappingStore(JdbcClient jdbc, AuditLog audit, JsonMapper json) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.json = json;
    }

    /** The mapping the organisation saved for this header (header as written → field), if any. */
    @SuppressWarnings("unchecked")
    Optional<Map<String, String>> find(String organisation, List<String> header) {
        return jdbc.sql("select columns::text from import_mapping where organisation = :organisation "
                        + "and header_signature = :signature")
                .param("organisation", organisation).param("signature", signature(header)).query(String.class)
                .optional().map(text -> new LinkedHashMap<String, String>(json.readValue(text, Map.class)));
    }

    /** Remembers the mapping for the caller's organisation; saving the same mapping again changes nothing. */
    @Transactional
    void remember(Caller caller, List<String> header, Map<String, String> columns) {
        if (find(caller.organisation(), header).filter(columns::equals).isPresent()) {
            return;
        }
        ObjectNode state = JsonNodeFactory.instance.objectNode();
        state.put("organisation", caller.organisation());
        var headerNode = state.putArray("header");
        header.forEach(headerNode::add);
        ObjectNode columnsNode = state.putObject("columns");
        columns.forEach(columnsNode::put);
        String signature = signature(header);
        jdbc.sql("insert into import_mapping (organisation, header_signature, header, columns, saved_by) "
                        + "values (:organisation, :signature, :header, cast(:columns as jsonb), :by) "
                        + "on conflict (organisation, header_signature) do update set columns = excluded.columns, "
                        + "saved_by = excluded.saved_by, saved_at = now()")
                .param("organisation", caller.organisation()).param("signature", signature)
                .param("header", header.toArray(String[]::new)).param("columns", json.writeValueAsString(columns))
                .param("by", caller.username()).update();
        audit.append(caller, new AuditLog.Change(SAVE, RECORD, caller.organisation() + "/" + signature.substring(0, 16),
                null, CanonicalJson.write(state)));
    }

    /** SHA-256 of the header's cells as written, each ended by a unit separator (so that no two headers share it). */
    static String signature(List<String> header) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String cell : header) {
                sha.update((cell == null ? "" : cell).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0x1F);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
