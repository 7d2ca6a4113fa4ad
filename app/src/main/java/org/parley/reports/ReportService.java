package org.parley.reports;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.parley.api.Caller;
import org.parley.api.CanonicalJson;
import org.parley.api.InvalidInputException;
import org.parley.api.NotFoundException;
import org.parley.api.PublicIds;
import org.parley.audit.AuditLog;
import org.parley.audit.AuditTree;
import org.parley.audit.Checkpoint;
import org.parley.audit.SigningKey;
import org.parley.registry.PersonFigures;
import org.parley.registry.PersonFilter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Frozen reports (README, "Figures and reports"): figures computed in one snapshot with every record counted and its
 * status, the audit log's size and root at that moment, a signed checkpoint covering it with the consistency proof
 * from that moment to the checkpoint, the author, and the instance's Ed25519 signature over the document's
 * canonical JSON (RFC 8785) without its {@code signature}. Stored as written; readable by the author's
 * organisation only (a party's report counts records the intermediary may never have been notified of).
 */
@Service
class ReportService {

    static final String RECORD = "figures-report";
    static final String ACTION = "FREEZE_FIGURES";
    static final int MAX_TITLE = 200;

    /** A stored report: its document as written, and who may read it. */
    record Stored(String id, String organisation, String title, Instant createdAt, String document) {
    }

    private final FiguresService figures;
    private final PersonFigures persons;
    private final AuditTree tree;
    private final AuditLog audit;
    private final SigningKey key;
    private final PublicIds publicIds;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final TransactionTemplate transactions;

    ReportService(FiguresService figures, PersonFigures persons, AuditTree tree, AuditLog audit, SigningKey key,
            PublicIds publicIds, JdbcClient jdbc, JsonMapper json, PlatformTransactionManager transactionManager) {
        this.figures = figures;
        this.persons = persons;
        this.tree = tree;
        this.audit = audit;
        this.key = key;
        this.publicIds = publicIds;
        this.jdbc = jdbc;
        this.json = json;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * Freezes the figures named (ids of the caller's view, each once) with the filters given.
     *
     * @param filterValues the filters as given, kept in the document as they were asked for
     */
    Stored create(Caller caller, String title, List<String> figureIds, PersonFilter filter,
            Map<String, String> filterValues) {
        FiguresService.requireReader(caller);
        List<FigureCatalog.Entry> entries = new ArrayList<>();
        for (int i = 0; i < figureIds.size(); i++) {
            String id = figureIds.get(i);
            FigureCatalog.Entry entry = FigureCatalog.find(caller, id).orElseThrow(() -> new InvalidInputException(
                    "figures[" + entries.size() + "]", "'" + id + "' is not one of your figures: "
                            + String.join(", ", FigureCatalog.of(caller).stream().map(FigureCatalog.Entry::id)
                            .toList())));
            if (entries.contains(entry)) {
                throw new InvalidInputException("figures[" + i + "]", "'" + id + "' is named twice");
            }
            entries.add(entry);
        }
        if (entries.isEmpty()) {
            throw new InvalidInputException("figures", "name at least one figure");
        }
        ObjectNode document = figures.inSnapshot(() -> frozen(caller, entries, filter));
        String id = UUID.randomUUID().toString();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return transactions.execute(status -> {
            long size = document.get("asOf").get("treeSize").asLong();
            Checkpoint checkpoint = tree.covering(size - 1);
            ObjectNode head = JsonNodeFactory.instance.objectNode();
            head.put("document", ReportVerifier.DOCUMENT);
            head.put("formatVersion", ReportVerifier.FORMAT_VERSION);
            head.put("id", id);
            head.put("title", title);
            head.put("author", caller.username());
            head.put("organisation", caller.organisation());
            head.put("createdAt", now.toString());
            ObjectNode filters = head.putObject("filters");
            new TreeMap<>(filterValues).forEach(filters::put);
            head.setAll(document);
            head.put("checkpoint", checkpoint.note(key.publicKey()));
            ArrayNode consistency = head.putArray("consistency");
            if (checkpoint.treeSize() > size) {
                tree.consistency(size, checkpoint.treeSize())
                        .forEach(h -> consistency.add(HexFormat.of().formatHex(h)));
            }
            head.put("publicKey", SigningKey.publicKeyPem(key.publicKey()));
            String canonical = CanonicalJson.write(head);
            head.put("signature", Base64.getEncoder().encodeToString(
                    key.sign(canonical.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
            String text = json.writeValueAsString(head);
            jdbc.sql("insert into figure_report (id, organisation_code, author, title, created_at, tree_size, "
                            + "document) values (:id, :organisation, :author, :title, :at, :size, :document)")
                    .param("id", UUID.fromString(id)).param("organisation", caller.organisation())
                    .param("author", caller.username()).param("title", title)
                    .param("at", java.sql.Timestamp.from(now)).param("size", size).param("document", text).update();
            audit.append(caller, new AuditLog.Change(ACTION, RECORD, id, null, CanonicalJson.write(head)));
            return new Stored(id, caller.organisation(), title, now, text);
        });
    }

    /** Inside the snapshot: the log's size and root, and each figure with every record it counts and its status. */
    private ObjectNode frozen(Caller caller, List<FigureCatalog.Entry> entries, PersonFilter filter) {
        Figure.AsOf asOf = figures.asOf();
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        ObjectNode asOfNode = node.putObject("asOf");
        asOfNode.put("treeSize", asOf.treeSize());
        asOfNode.put("rootHash", asOf.rootHash());
        ArrayNode array = node.putArray("figures");
        for (FigureCatalog.Entry entry : entries) {
            Figure figure = figures.compute(caller, entry, filter, asOf);
            List<Long> ids = figures.ids(caller, entry, filter, 0, -1);
            Map<Long, String> statuses = persons.statuses(ids);
            ObjectNode f = array.addObject();
            f.put("id", figure.id());
            f.put("title", figure.title());
            f.put("value", figure.value());
            f.put("definition", figure.definition());
            f.set("breakdown", json.valueToTree(figure.breakdown()));
            f.put("recordType", PersonFigures.recordType());
            ArrayNode records = f.putArray("records");
            for (long personId : ids) {
                ObjectNode r = records.addObject();
                r.put("id", publicIds.of(PublicIds.Kind.PERSON, personId));
                r.put("status", statuses.get(personId));
            }
        }
        return node;
    }

    /** A report the caller's organisation made; 404 for any other (or none). */
    Stored get(Caller caller, String id) {
        FiguresService.requireReader(caller);
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw NotFoundException.of(RECORD, id);
        }
        return jdbc.sql("select id, organisation_code, title, created_at, document from figure_report where id = :id")
                .param("id", uuid)
                .query((rs, n) -> new Stored(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getString(5)))
                .optional().filter(s -> s.organisation().equals(caller.organisation()))
                .orElseThrow(() -> NotFoundException.of(RECORD, id));
    }

    /** The caller's organisation's reports, newest first (at most 50). */
    List<Stored> list(Caller caller) {
        FiguresService.requireReader(caller);
        return jdbc.sql("select id, organisation_code, title, created_at, '' from figure_report "
                        + "where organisation_code = :organisation order by created_at desc limit 50")
                .param("organisation", caller.organisation())
                .query((rs, n) -> new Stored(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getString(5))).list();
    }

    JsonNode parse(Stored stored) {
        return json.readTree(stored.document());
    }
}
