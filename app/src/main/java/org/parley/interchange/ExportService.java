package org.parley.interchange;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.parley.api.Caller;
import org.parley.api.CanonicalJson;
import org.parley.api.InvalidInputException;
import org.parley.api.JsonInput;
import org.parley.api.Role;
import org.parley.audit.AuditLog;
import org.parley.registry.NameCollation;
import org.parley.registry.Organisation;
import org.parley.registry.OrganisationKind;
import org.parley.registry.PersonListParameters;
import org.parley.registry.PersonStream;
import org.parley.registry.RegistryService;
import org.parley.web.PersonNames;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Exports a person list — exactly what {@code GET /api/v1/persons} lists for the caller with the same filters, every
 * page of it, each person with the facts the caller may read — as CSV, XLSX, JSON or PFIF 1.4, streamed: a batch of
 * persons at a time from a database cursor to the writer, so that a million persons take no more memory than a
 * thousand. Every export is one audit entry (who, the format and filters, how many persons), appended and committed
 * before the first byte is written, so that an export is on record even when its download is broken off.
 */
@Service
public class ExportService {

    static final String ACTION = "EXPORT_PERSONS";
    static final String RECORD_TYPE = "person-list";

    /** What to export: the format, the list, and the parameters as given (for the audit entry). */
    public record ExportRequest(ExportFormat format, PersonListParameters list, Map<String, String> parameters) {
    }

    /** An export on record, ready to be written: the request, its caller, and how many persons it holds. */
    public record Export(Caller caller, ExportRequest request, long count) {

        /** {@code persons-2026-12-01.csv}. */
        public String filename(LocalDate today) {
            return "persons-" + today + "." + request.format().extension();
        }
    }

    private final RegistryService registry;
    private final PersonStream stream;
    private final AuditLog audit;
    private final PersonNames names;
    private final JsonMapper json;
    private final TransactionTemplate transactions;
    private final TransactionTemplate readOnly;
    private final String pfifDomain;
    private final Clock clock;

    ExportService(RegistryService registry, PersonStream stream, AuditLog audit, PersonNames names, JsonMapper json,
            PlatformTransactionManager transactionManager,
            @Value("${parley.export.pfif-domain:parley.invalid}") String pfifDomain) {
        this.registry = registry;
        this.stream = stream;
        this.audit = audit;
        this.names = names;
        this.json = json;
        this.transactions = new TransactionTemplate(transactionManager);
        this.readOnly = new TransactionTemplate(transactionManager);
        readOnly.setReadOnly(true);
        this.pfifDomain = pfifDomain;
        this.clock = Clock.systemUTC();
    }

    /**
     * The caller an export from the command line runs as: the instance's operator, reading as the organisation
     * {@code code} reads (a viewer's rights), so that the file holds exactly what that organisation's users would
     * get from the API — never more, whoever runs the command. Audited as {@code operator} of that organisation.
     *
     * @throws org.parley.api.InvalidInputException when there is no such organisation
     */
    public Caller operatorReadingAs(String code) {
        Organisation organisation = registry.organisation(code).orElseThrow(() -> new InvalidInputException(
                "organisation", "'" + code + "' is not an organisation; use one of " + registry.organisations()
                        .stream().map(Organisation::code).collect(Collectors.joining(", "))));
        return new Caller(0, "operator", organisation.code(), organisation.kind() == OrganisationKind.INTERMEDIARY,
                Set.of(Role.VIEWER));
    }

    /**
     * Reads {@code format} and the list's filters and order (those of {@code GET /api/v1/persons}; {@code page} and
     * {@code size} have no meaning for a file holding every page, and are refused like any unknown parameter).
     *
     * @throws org.parley.api.InvalidInputException naming each parameter that is wrong
     */
    public ExportRequest read(Map<String, String> parameters, NameCollation collation) {
        JsonInput in = new JsonInput();
        String format = parameters.get("format");
        ExportFormat chosen = format == null || format.isBlank() ? null : ExportFormat.of(format.strip()).orElse(null);
        if (chosen == null) {
            in.error("format", (format == null || format.isBlank() ? "is required" : "'" + format + "' is not a format")
                    + ": use one of csv, xlsx, json, pfif");
        }
        PersonListParameters list = PersonListParameters.read(parameters, registry.listColumns(), collation,
                List.of("format"), in);
        in.throwIfAny();
        return new ExportRequest(chosen, list, new TreeMap<>(parameters));
    }

    /**
     * Counts the list and puts the export on record, in a transaction of its own that commits before anything is
     * written; 403 for a caller who reads no records.
     */
    public Export begin(Caller caller, ExportRequest request) {
        return transactions.execute(status -> {
            long count = stream.count(caller, request.list().filter(), request.list().sort());
            audit.append(caller, new AuditLog.Change(ACTION, RECORD_TYPE, query(request.parameters()), null,
                    state(request.format().parameter(), request.parameters(), count)));
            return new Export(caller, request, count);
        });
    }

    /** Writes the export to {@code out} (left open), in one read-only transaction: one snapshot of the registry. */
    public void write(Export export, OutputStream out) throws IOException {
        try {
            readOnly.executeWithoutResult(status -> {
                try {
                    ExportWriter writer = writer(export, out);
                    stream.forEach(export.caller(), export.request().list().filter(), export.request().list().sort(),
                            batch -> {
                                try {
                                    writer.write(batch);
                                } catch (IOException e) {
                                    throw new WriteFailed(e);
                                }
                            });
                    writer.finish();
                } catch (IOException e) {
                    throw new WriteFailed(e);
                }
            });
        } catch (WriteFailed e) {
            throw e.getCause();
        }
    }

    private ExportWriter writer(Export export, OutputStream out) throws IOException {
        return switch (export.request().format()) {
            case CSV -> new ExportCsvWriter(ExportColumns.all(names), out);
            case XLSX -> new ExportXlsxWriter(ExportColumns.all(names), out);
            case JSON -> new ExportJsonWriter(export.caller(), stream, json, out);
            case PFIF -> new PfifWriter(out, pfifDomain, registry.organisations().stream()
                    .collect(Collectors.toMap(Organisation::code, Organisation::name)), names, clock.instant());
        };
    }

    /** The parameters as a query string in the order of their names: what the audit page shows of an export. */
    static String query(Map<String, String> parameters) {
        UriComponentsBuilder query = UriComponentsBuilder.newInstance();
        new TreeMap<>(parameters).forEach(query::queryParam);
        String text = query.build().toUriString();
        return text.startsWith("?") ? text.substring(1) : text;
    }

    /** The state an export's audit entry hashes: what was asked for, and how many persons it held. */
    static String state(String kind, Map<String, String> parameters, long count) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("format", kind);
        ObjectNode asked = node.putObject("parameters");
        new TreeMap<>(parameters).forEach(asked::put);
        node.put("count", count);
        return CanonicalJson.write(node);
    }

    /** An I/O failure carried out of the transaction callback, which may throw only unchecked exceptions. */
    private static final class WriteFailed extends RuntimeException {
        WriteFailed(IOException cause) {
            super(cause);
        }

        @Override
        public synchronized IOException getCause() {
            return (IOException) super.getCause();
        }
    }
}
