package org.parley.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.parley.ApiClient;
import org.parley.ParleyTest;
import org.parley.cli.ParleyCommand;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A frozen report verifies, offline and against the log, also after its records changed; it fails naming what when
 * any value, id, status or definition is altered; only its author's organisation reads it.
 */
@ParleyTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FrozenReportTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    ReportLogLookup lookup;

    @TempDir
    Path directory;

    private FigureFixture fixture;
    private JsonNode report;

    @BeforeAll
    void freeze() {
        fixture = FigureFixture.create(port, java.time.LocalDate.of(2011, 9, 1));
        ApiClient.Response created = new ApiClient(port).as("viewer@party-a").post("/api/v1/reports", """
                {"title": "Вересень 2011", "figures": ["held", "nationals-held", "wishes", "exchanged"],
                 "filters": {"capturedFrom": "2011-09-01", "capturedTo": "2011-09-30"}}""");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        report = created.json();
    }

    private String altered(Consumer<ObjectNode> change) {
        ObjectNode copy = (ObjectNode) report.deepCopy();
        change.accept(copy);
        return JSON.writeValueAsString(copy);
    }

    private static ObjectNode figure(ObjectNode document, int index) {
        return (ObjectNode) document.get("figures").get(index);
    }

    @Test
    void theReportHoldsTheFiguresTheirRecordsAndTheirStatuses() {
        assertThat(report.get("document").stringValue()).isEqualTo("parley-figures-report");
        assertThat(report.get("author").stringValue()).isEqualTo("viewer@party-a");
        JsonNode held = report.get("figures").get(0);
        assertThat(held.get("id").stringValue()).isEqualTo("held");
        assertThat(held.get("value").longValue()).isEqualTo(2);
        assertThat(held.get("records").findValuesAsString("id")).containsExactlyInAnyOrder(fixture.a1(), fixture.a2());
        assertThat(held.get("records").findValuesAsString("status")).containsExactlyInAnyOrder("INTERNED", "CAPTURED");
        assertThat(report.get("checkpoint").stringValue()).startsWith("parley-audit");
    }

    @Test
    void itVerifiesOfflineAndAgainstTheLogEvenAfterItsRecordsChanged() {
        String json = report.toString();
        assertThat(ReportVerifier.verify(json, null, null).problems()).isEmpty();
        assertThat(ReportVerifier.verify(json, null, lookup).problems()).isEmpty();
        ApiClient.Response interned = new ApiClient(port).as("registrar@party-a").post("/api/v1/persons/"
                + fixture.a2() + "/events", "{\"type\": \"INTERNED\", \"occurredOn\": \"2011-10-02\"}");
        assertThat(interned.status()).as(interned.body()).isEqualTo(201);
        assertThat(ReportVerifier.verify(json, null, lookup).problems()).as("statuses at the report's moment")
                .isEmpty();
    }

    @Test
    void anAlteredValueFailsNamingTheFigure() {
        String json = altered(d -> figure(d, 0).put("value", 3));
        assertThat(ReportVerifier.verify(json, null, null).problems())
                .contains("figure held: the value is 3 but 2 records are listed")
                .anyMatch(p -> p.startsWith("the signature does not hold"));
    }

    @Test
    void anAlteredDefinitionFailsNamingTheFigure() {
        String json = altered(d -> figure(d, 1).put("definition", "Persons who said so."));
        assertThat(ReportVerifier.verify(json, null, null).problems())
                .contains("figure nationals-held: its definition is not Parley's definition of nationals-held");
    }

    @Test
    void anAlteredIdOrStatusFailsAndTheLogSaysWhichRecord() {
        String swapped = altered(d -> ((ObjectNode) figure(d, 0).get("records").get(0)).put("id", fixture.b2()));
        assertThat(ReportVerifier.verify(swapped, null, null).problems())
                .anyMatch(p -> p.startsWith("the signature does not hold"));
        assertThat(ReportVerifier.verify(swapped, null, lookup).problems())
                .anyMatch(p -> p.startsWith("figure held: record " + fixture.b2()));
        String madeUp = altered(d -> ((ObjectNode) figure(d, 0).get("records").get(0))
                .put("id", "00000000-0000-0000-0000-000000000000"));
        assertThat(ReportVerifier.verify(madeUp, null, lookup).problems())
                .anyMatch(p -> p.contains("00000000-0000-0000-0000-000000000000 did not exist at tree size"));
        String status = altered(d -> {
            for (JsonNode r : figure(d, 0).get("records")) {
                ((ObjectNode) r).put("status", r.get("status").stringValue().equals("CAPTURED") ? "HOSPITALISED"
                        : "CAPTURED");
            }
        });
        assertThat(ReportVerifier.verify(status, null, lookup).problems())
                .anyMatch(p -> p.matches("figure held: record .* was (CAPTURED|INTERNED) at tree size \\d+, not "
                        + "(HOSPITALISED|CAPTURED) as stated"));
    }

    @Test
    void anAlteredMomentFailsTheCheckpoint() {
        String json = altered(d -> ((ObjectNode) d.get("asOf")).put("rootHash", "00".repeat(32)));
        assertThat(ReportVerifier.verify(json, null, null).problems())
                .anyMatch(p -> p.startsWith("asOf.rootHash is not the root of the log the checkpoint signed"));
    }

    @Test
    void theCommandVerifiesAReportFileWithExitCodes() throws Exception {
        Path good = directory.resolve("report.json");
        Files.writeString(good, report.toString(), StandardCharsets.UTF_8);
        Path bad = directory.resolve("altered.json");
        Files.writeString(bad, altered(d -> figure(d, 0).put("value", 7)), StandardCharsets.UTF_8);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = ParleyCommand.commandLine();
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        assertThat(command.execute("audit", "verify-document", good.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).startsWith("Report " + report.get("id").stringValue()).contains("checked offline");
        assertThat(command.execute("audit", "verify-document", bad.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("the report does not hold")
                .contains("- figure held: the value is 7 but 2 records are listed");
    }

    @Test
    void onlyTheAuthorsOrganisationReadsTheReport() {
        String path = "/api/v1/reports/" + report.get("id").stringValue();
        ApiClient anonymous = new ApiClient(port);
        assertThat(anonymous.as("registrar@party-a").get(path).status()).isEqualTo(200);
        assertThat(anonymous.as("auditor@party-a").get(path + "/report.pdf").status()).isEqualTo(200);
        assertThat(anonymous.as("viewer@party-b").get(path).status()).isEqualTo(404);
        assertThat(anonymous.as("viewer@intermediary").get(path).status()).isEqualTo(404);
        assertThat(anonymous.as("admin@party-a").get(path).status()).isEqualTo(403);
        assertThat(anonymous.as("viewer@party-a").get("/api/v1/reports/not-an-id").status()).isEqualTo(404);
    }

    @Test
    void badRequestsNameTheField() {
        ApiClient viewer = new ApiClient(port).as("viewer@party-a");
        ApiClient.Response unknown = viewer.post("/api/v1/reports", """
                {"title": "x", "figures": ["held", "in-custody"]}""");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.errorFields()).containsExactly("figures[1]");
        ApiClient.Response noTitle = viewer.post("/api/v1/reports", """
                {"figures": ["held"], "filters": {"status": "SLEEPING"}}""");
        assertThat(noTitle.status()).isEqualTo(400);
        assertThat(noTitle.errorFields()).contains("title", "status");
    }
}
