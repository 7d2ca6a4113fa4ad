package org.parley.interchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.parley.ApiClient;
import org.parley.DemoUsers;
import org.parley.DemoUsers.DemoUser;
import org.parley.ParleyTest;
import org.parley.api.Role;
import org.parley.audit.AuditTree;
import org.parley.audit.SigningKey;
import org.parley.registry.OrganisationKeys;
import org.parley.web.WebLogin;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Who may export, import and read bundles, as every demo user, nobody and a forged token: a party's registrars export
 * their own party's bundles only (to the intermediary here: other tests keep the party-a to party-b chain); only
 * registrars import, and only bundles addressed to their own organisation; an organisation's readers see the bundles
 * it received and never another's; administrators see none; the page likewise.
 */
@ParleyTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BundleAccessTest {

    @LocalServerPort
    int port;
    @Autowired
    SigningKey instanceKey;
    @Autowired
    OrganisationKeys keys;
    @Autowired
    AuditTree tree;
    @Autowired
    JsonMapper json;

    /** A bundle from party-a to the intermediary with no person, signed with this instance's key (party-a's here). */
    private ObjectNode empty;

    @BeforeAll
    void partyAsKeyIsRegistered() {
        keys.set(null, "party-a", instanceKey.publicKey());
        ObjectNode body = json.createObjectNode().put("format", BundleDocument.FORMAT)
                .put("formatVersion", BundleDocument.FORMAT_VERSION).put("sender", "party-a")
                .put("receiver", "intermediary").put("sequence", 1).putNull("previousHash")
                .put("createdAt", Instant.now().truncatedTo(ChronoUnit.MICROS).toString());
        BundleDocument.checkpoint(body.putObject("checkpoint"), tree.sign());
        body.putArray("persons");
        empty = BundleDocument.sign(body, instanceKey);
    }

    @Test
    void onlyAPartysRegistrarsExportAndOnlyTheirOwnPartysNotifications() {
        for (DemoUser user : DemoUsers.all()) {
            ApiClient.Response answer = client(user).post("/api/v1/bundles/outgoing", "{\"to\": \"intermediary\"}");
            boolean exporter = user.role() == Role.REGISTRAR && !"intermediary".equals(user.organisation());
            assertThat(answer.status()).as(user.username()).isEqualTo(exporter ? 200 : 403);
            if (exporter) {
                JsonNode bundle = answer.json();
                assertThat(bundle.get("sender").stringValue()).isEqualTo(user.organisation());
                assertThat(bundle.get("persons").findValuesAsString("holdingParty")).isNotEmpty()
                        .allMatch(user.organisation()::equals);
                assertThat(bundle.get("persons").findValues("wish")).isEmpty();
            }
        }
        ApiClient registrarA = client(user("registrar@party-a"));
        assertThat(registrarA.post("/api/v1/bundles/outgoing", "{\"to\": \"intermediary\", \"from\": \"party-b\"}")
                .errorFields()).as("no party exports for another").contains("from");
        assertThat(registrarA.post("/api/v1/bundles/outgoing", "{\"to\": \"party-a\"}").status()).isEqualTo(400);
        assertThat(new ApiClient(port).post("/api/v1/bundles/outgoing", "{\"to\": \"intermediary\"}").status())
                .isEqualTo(401);
        assertThat(new ApiClient(port).withToken("prl_forged").post("/api/v1/bundles/outgoing",
                "{\"to\": \"intermediary\"}").status()).isEqualTo(401);
    }

    @Test
    void onlyTheReceiversRegistrarsImportAndOnlyItsReadersSeeWhatItReceived() throws Exception {
        for (DemoUser user : DemoUsers.all()) {
            ApiClient.Response answer = client(user).post("/api/v1/bundles/incoming", "{}");
            boolean importer = user.role() == Role.REGISTRAR;
            assertThat(answer.status()).as(user.username()).isEqualTo(importer ? 400 : 403);
        }
        assertThat(client(user("registrar@party-b")).post("/api/v1/bundles/incoming", empty.toString())
                .reason("receiver")).contains("the bundle is for 'intermediary', not for 'party-b'");
        ApiClient.Response accepted = client(user("registrar@intermediary")).post("/api/v1/bundles/incoming",
                empty.toString());
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.json().get("sequence").intValue()).isEqualTo(1);
        assertThat(client(user("registrar@intermediary")).post("/api/v1/bundles/incoming", empty.toString()).status())
                .as("a replay").isEqualTo(409);

        for (DemoUser user : DemoUsers.all()) {
            ApiClient.Response history = client(user).get("/api/v1/bundles/incoming");
            boolean reader = DemoUsers.readsRecords(user.organisation(), user.role());
            assertThat(history.status()).as(user.username()).isEqualTo(reader ? 200 : 403);
            if (reader) {
                List<String> receivers = history.json().get("items").findValuesAsString("receiver");
                assertThat(receivers).as(user.username()).allMatch(user.organisation()::equals);
                if ("intermediary".equals(user.organisation())) {
                    assertThat(history.json().get("items").findValuesAsString("sender")).contains("party-a");
                } else {
                    assertThat(receivers).as("a party received nothing here").isEmpty();
                }
            }
            int page = page(user.username());
            assertThat(page).as("page as " + user.username()).isEqualTo(reader ? 200 : 403);
        }
        assertThat(new ApiClient(port).get("/api/v1/bundles/incoming").status()).isEqualTo(401);
    }

    private int page(String username) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/bundles")).header("Cookie", WebLogin.cookie(port, username))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode();
    }

    private ApiClient client(DemoUser user) {
        return new ApiClient(port).as(user.username());
    }

    private static DemoUser user(String username) {
        return DemoUsers.all().stream().filter(u -> u.username().equals(username)).findFirst().orElseThrow();
    }
}
