package org.parley.interchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.parley.ApiClient;
import org.parley.ParleyApplication;
import org.parley.ParleyTest;
import org.parley.api.ConflictException;
import org.parley.api.InvalidInputException;
import org.parley.audit.AuditTree;
import org.parley.audit.SigningKey;
import org.parley.cli.ParleyCommand;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Two instances: this test's application (instance A: Party A's bureau, the demo world plus persons of its own) and
 * instance B, Party B's, on a database of its own in a temporary directory, set up and fed through the command line
 * (organisation add with A's public key, bundle import) and then opened as an offline context. Bundles leave A over
 * the API and enter B through files. Bundles go from party-a to party-b only (other tests use other chains).
 */
@ParleyTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BundleRoundTripTest {

    @LocalServerPort
    int port;
    @Autowired
    JsonMapper json;
    @Autowired
    SigningKey instanceKey;

    private ApiClient registrar;
    private Path b;
    private final String tag = UUID.randomUUID().toString().substring(0, 6);
    private final List<String> mine = new ArrayList<>();
    private JsonNode first;
    private JsonNode second;
    private JsonNode third;
    private ConfigurableApplicationContext instanceB;

    @BeforeAll
    void twoInstances() throws Exception {
        b = Files.createTempDirectory("parley-bundles-b");
        registrar = new ApiClient(port).as("registrar@party-a");
        Path key = b.resolve("party-a.pem");
        Files.writeString(key, new ApiClient(port).as("auditor@party-a").get("/api/v1/audit/public-key").json()
                .get("pem").stringValue());
        run(0, "organisation", "add", "party-a", "--name", "Party A", "--kind", "PARTY", "--public-key",
                key.toString(), "--data-dir", b.toString());
        run(0, "organisation", "add", "party-b", "--name", "Сторона Б", "--kind", "PARTY", "--language", "uk",
                "--data-dir", b.toString());
        // the others this instance knows (other tests add some): a bundle may name them, as a power of origin a
        // notified person had before party-b, which keeps reading the record
        for (JsonNode organisation : registrar.get("/api/v1/organisations").json()) {
            String code = organisation.get("code").stringValue();
            if (!code.equals("party-a") && !code.equals("party-b")) {
                run(0, "organisation", "add", code, "--name", organisation.get("name").stringValue(), "--kind",
                        organisation.get("kind").stringValue(), "--data-dir", b.toString());
            }
        }
    }

    @AfterAll
    void stop() {
        if (instanceB != null) {
            instanceB.close();
        }
    }

    @Test
    @Order(1)
    void theFirstBundleCarriesWhatPartyBMayReadAndEntersInstanceBThroughTheCommandLine() throws Exception {
        mine.add(register("Мар’яненко-" + tag, "Олекса", "2025-03-01"));
        mine.add(register("Ґалаґан-" + tag, "Юрій", "2025-03-02"));
        String dateless = register("Без-дати-" + tag, "Петро", null);
        notifyAll(List.of(mine.get(0), mine.get(1), dateless), "2025-03-10");
        first = export();

        assertThat(schemaProblems(first)).isEmpty();
        assertThat(first.get("sequence").intValue()).isEqualTo(1);
        assertThat(first.get("previousHash").isNull()).isTrue();
        assertThat(first.get("checkpoint").get("treeSize").longValue()).isPositive();
        for (JsonNode person : first.get("persons")) {
            assertThat(person.get("facts").get("holdingParty").stringValue()).isEqualTo("party-a");
            if (mine.contains(person.get("id").stringValue())) {
                assertThat(person.get("facts").get("powerOfOrigin").stringValue()).isEqualTo("party-b");
            }
            assertThat(person.get("facts").has("capturePlace")).as("withheld from the power of origin").isFalse();
            assertThat(person.get("facts").has("healthNotes")).isFalse();
            assertThat(person.get("events").findValues("note")).as("event notes are withheld").isEmpty();
            assertThat(person.get("events").findValuesAsString("type")).contains("CAPTURED", "NOTIFIED");
        }
        assertThat(ids(first)).containsAll(mine);
        assertThat(person(first, dateless).get("events").get(0).has("occurredOn"))
                .as("a capture registered without its date").isFalse();
        JsonNode mineFirst = person(first, mine.get(0));
        assertThat(mineFirst.get("facts").get("surname").stringValue()).isEqualTo("Мар’яненко-" + tag);

        Path file = b.resolve("bundle-1.json");
        Files.writeString(file, json.writerWithDefaultPrettyPrinter().writeValueAsString(first));
        String accepted = run(0, "bundle", "import", file.toString(), "--receiver", "party-b", "--data-dir",
                b.toString());
        assertThat(accepted).contains("Accepted bundle 1 from party-a to party-b")
                .contains(first.get("persons").size() + " persons (" + first.get("persons").size() + " new");
        String replay = run(1, "bundle", "import", file.toString(), "--receiver", "party-b", "--data-dir",
                b.toString());
        assertThat(replay).contains("bundle refused").contains("bundle 1 from party-a to party-b was already received")
                .contains("this very bundle");
    }

    @Test
    @Order(2)
    void theSecondBundleCarriesOnlyWhatIsNewSinceTheFirst() throws Exception {
        assertThat(registrar.post("/api/v1/persons/" + mine.get(0) + "/events",
                "{\"type\": \"INTERNED\", \"occurredOn\": \"2025-03-12\", \"place\": \"Табір № 2\"}").status())
                .isEqualTo(201);
        String third = register("Сидоренко-" + tag, "Іван", "2025-03-03");
        notifyAll(List.of(third), "2025-03-11");
        mine.add(third);
        second = export();
        assertThat(schemaProblems(second)).isEmpty();
        assertThat(second.get("sequence").intValue()).isEqualTo(2);
        assertThat(second.get("previousHash").stringValue()).isEqualTo(first.get("hash").stringValue());
        assertThat(ids(second)).containsExactlyInAnyOrder(mine.get(0), third);
        assertThat(person(second, mine.get(0)).get("events").findValuesAsString("type")).containsExactly("INTERNED");
        assertThat(person(second, third).get("events").findValuesAsString("type"))
                .containsExactly("CAPTURED", "NOTIFIED");
        this.third = export();
        assertThat(this.third.get("persons").size()).as("nothing changed since").isZero();
        assertThat(this.third.get("sequence").intValue()).isEqualTo(3);
    }

    @Test
    @Order(3)
    void everyForgedFormIsRefusedWithNothingStored() {
        instanceB = new SpringApplicationBuilder(ParleyApplication.class).web(WebApplicationType.NONE)
                .logStartupInfo(false).run("--parley.data-dir=" + b.toAbsolutePath(),
                        "--parley.audit.checkpoint-job=false", "--parley.access.tally-job=false");
        BundleService service = instanceB.getBean(BundleService.class);

        refused(service, "party-b", this.third, ConflictException.class, "comes before bundle 2");
        refused(service, "party-a", second, InvalidInputException.class, "the bundle is for 'party-b', not for "
                + "'party-a'");
        refused(service, "party-b", edited(second, d -> ((ObjectNode) d.get("persons").get(0).get("facts"))
                .put("surname", "Інше")), InvalidInputException.class, "the body was altered");
        refused(service, "party-b", edited(second, d -> {
            ((ObjectNode) d.get("persons").get(0).get("facts")).put("surname", "Інше");
            d.put("hash", BundleDocument.hash(BundleDocument.signedBytes(d)));
        }), InvalidInputException.class, "the signature is not party-a's");
        refused(service, "party-b", edited(second, d -> d.put("signature", this.third.get("signature").stringValue())),
                InvalidInputException.class, "the signature is not party-a's");
        refused(service, "party-b", signed(second, d -> { }, SigningKey.generate()), InvalidInputException.class,
                "does not verify with the public key registered for 'party-a'");
        refused(service, "party-b", signed(second, d -> d.put("sender", "party-z"), instanceKey),
                InvalidInputException.class, "unknown sender 'party-z'");
        refused(service, "party-b", signed(second, d -> d.put("sender", "party-b").put("receiver", "party-b"),
                instanceKey), InvalidInputException.class, "no public key is registered for 'party-b'");
        refused(service, "party-b", edited(second, d -> d.remove("sequence")), InvalidInputException.class,
                "malformed bundle (not of the schema urn:parley:schema:notification-bundle:1): the document: "
                        + "required property 'sequence' not found");
        refused(service, "party-b", signed(second, d -> d.put("previousHash", "0".repeat(64)), instanceKey),
                ConflictException.class, "does not follow the last bundle received");
        refused(service, "party-b", signed(second, d -> d.put("sequence", 1), instanceKey), ConflictException.class,
                "another bundle with that number");
        refused(service, "party-b", signed(second, d -> {
            ArrayNode events = (ArrayNode) person(d, mine.get(0)).get("events");
            ((ObjectNode) events.get(0)).put("type", "REPATRIATED").put("occurredOn", "2025-01-01");
        }, instanceKey), ConflictException.class, "cannot come before the previous event");
    }

    @Test
    @Order(4)
    void theGenuineBundlesMergeWithTheNotificationAsTheSourceOfEveryFact() {
        BundleService service = instanceB.getBean(BundleService.class);
        JdbcClient jdbc = instanceB.getBean(JdbcClient.class);
        BundleReceipt receipt = service.importBundle(BundleService.OPERATOR, "party-b", second);
        assertThat(receipt.created()).isEqualTo(1);
        assertThat(receipt.updated()).isEqualTo(1);
        assertThat(receipt.events()).isEqualTo(3);
        assertThat(service.importBundle(BundleService.OPERATOR, "party-b", this.third).persons()).isZero();

        Set<String> senders = new HashSet<>(ids(first));
        senders.addAll(ids(second));
        assertThat(jdbc.sql("select count(*) from person").query(Long.class).single()).isEqualTo(senders.size());
        List<String> sources = jdbc.sql("select distinct s.value ->> 'source' from person p, "
                + "json_each(p.fact_sources::json) s").query(String.class).list();
        assertThat(sources).containsExactly("PARTY_NOTIFICATION");
        assertThat(jdbc.sql("select p.surname || ' ' || p.status || ' ' || coalesce(p.internment_place, '-') "
                        + "from person p join notification_link l on l.person_id = p.id where l.sender_record = :id")
                .param("id", mine.get(0)).query(String.class).single())
                .isEqualTo("Мар’яненко-" + tag + " INTERNED Табір № 2");
        assertThat(jdbc.sql("select count(*) from person where notified_on is null").query(Long.class).single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from bundle_received").query(Long.class).single()).isEqualTo(3);
        instanceB.close();
        instanceB = null;
        String verified = run(0, "audit", "verify", "--data-dir", b.toString());
        assertThat(verified).contains("Audit log verified");
    }

    private void refused(BundleService service, String receiver, JsonNode document,
            Class<? extends RuntimeException> type, String reason) {
        JdbcClient jdbc = instanceB.getBean(JdbcClient.class);
        long persons = jdbc.sql("select count(*) from person").query(Long.class).single();
        long events = jdbc.sql("select count(*) from person_event").query(Long.class).single();
        long received = jdbc.sql("select count(*) from bundle_received").query(Long.class).single();
        long entries = instanceB.getBean(AuditTree.class).size();
        assertThatThrownBy(() -> service.importBundle(BundleService.OPERATOR, receiver, document))
                .isInstanceOf(type).hasMessageContaining(reason);
        assertThat(jdbc.sql("select count(*) from person").query(Long.class).single()).isEqualTo(persons);
        assertThat(jdbc.sql("select count(*) from person_event").query(Long.class).single()).isEqualTo(events);
        assertThat(jdbc.sql("select count(*) from bundle_received").query(Long.class).single()).isEqualTo(received);
        assertThat(instanceB.getBean(AuditTree.class).size()).isEqualTo(entries);
    }

    private static ObjectNode edited(JsonNode document, Consumer<ObjectNode> change) {
        ObjectNode copy = (ObjectNode) document.deepCopy();
        change.accept(copy);
        return copy;
    }

    /** A changed copy signed anew, as a sender holding {@code key} would sign it. */
    private static ObjectNode signed(JsonNode document, Consumer<ObjectNode> change, SigningKey key) {
        ObjectNode copy = edited(document, change);
        copy.remove(BundleDocument.HASH);
        copy.remove(BundleDocument.SIGNATURE);
        return BundleDocument.sign(copy, key);
    }

    private JsonNode export() {
        ApiClient.Response response = registrar.post("/api/v1/bundles/outgoing", "{\"to\": \"party-b\"}");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private String register(String surname, String givenName, String captured) {
        ApiClient.Response created = registrar.post("/api/v1/persons", "{\"surname\": \"" + surname
                + "\", \"givenName\": \"" + givenName + "\", \"holdingParty\": \"party-a\", \"powerOfOrigin\": "
                + "\"party-b\", " + (captured == null ? "" : "\"captureDate\": \"" + captured + "\", ")
                + "\"capturePlace\": \"Secret\", \"healthNotes\": \"private\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").stringValue();
    }

    private void notifyAll(List<String> ids, String date) {
        ApiClient.Response notified = registrar.post("/api/v1/persons/notifications", "{\"personIds\": "
                + registrar.toJson(ids) + ", \"date\": \"" + date + "\"}");
        assertThat(notified.status()).as(notified.body()).isBetween(200, 201);
    }

    private static List<String> ids(JsonNode bundle) {
        return bundle.get("persons").findValuesAsString("id");
    }

    private static JsonNode person(JsonNode bundle, String id) {
        for (JsonNode person : bundle.get("persons")) {
            if (person.get("id").stringValue().equals(id)) {
                return person;
            }
        }
        throw new AssertionError("no person " + id + " in the bundle");
    }

    static List<String> schemaProblems(JsonNode bundle) throws Exception {
        try (var in = Files.newInputStream(Path.of("..", "docs", "interchange", "bundle.schema.json"))) {
            Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
            return schema.validate(bundle).stream().map(Object::toString).toList();
        }
    }

    /** Runs the jar's command line in this JVM; answers what it printed, after checking its exit code. */
    private static String run(int exitCode, String... args) {
        StringWriter out = new StringWriter();
        CommandLine commandLine = ParleyCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(out, true));
        assertThat(commandLine.execute(args)).as(out.toString()).isEqualTo(exitCode);
        return out.toString();
    }
}
