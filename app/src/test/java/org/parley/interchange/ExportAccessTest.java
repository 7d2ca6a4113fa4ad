package org.parley.interchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.parley.DemoUsers;
import org.parley.ParleyTest;
import org.parley.web.WebLogin;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every demo user, and nobody, against every export and capture card address, API and pages, over records of both
 * parties, notified and not: each reads exactly the records DemoUsers' rules give it, the other party's hidden
 * records never appear, facts withheld from a power of origin stay withheld, and the instance administrator reads
 * none (403).
 */
@ParleyTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportAccessTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .build();

    @LocalServerPort
    int port;

    ExportFixture set;
    ExportHttp http;
    /** Each of the set's persons: holder, power of origin, notified. */
    Map<String, Object[]> facts;

    @BeforeAll
    void createTheSet() {
        set = ExportFixture.create(port, LocalDate.of(2001, 5, 4));
        http = new ExportHttp(port);
        facts = Map.of(set.formula(), new Object[] {"party-a", "party-b", false},
                set.shevchenko(), new Object[] {"party-a", "party-b", true},
                set.smith(), new Object[] {"party-a", "party-b", false},
                set.kovalenko(), new Object[] {"party-b", "party-a", true},
                set.petrenko(), new Object[] {"party-b", "party-a", false});
    }

    private Set<String> expected(String organisation) {
        Set<String> seen = new HashSet<>();
        facts.forEach((id, f) -> {
            if (organisation != null && DemoUsers.sees(organisation, (String) f[0], (String) f[1], (Boolean) f[2])) {
                seen.add(id);
            }
        });
        return seen;
    }

    @Test
    void theApiExportsExactlyWhatEachUserMayRead() {
        for (DemoUsers.DemoUser user : DemoUsers.all()) {
            HttpResponse<byte[]> answer = http.get(user.username(), "/api/v1/persons/export?format=json&"
                    + set.filter());
            if (!DemoUsers.readsRecords(user.organisation(), user.role())) {
                assertThat(answer.statusCode()).as(user.username()).isEqualTo(403);
                continue;
            }
            assertThat(answer.statusCode()).as(user.username()).isEqualTo(200);
            JsonNode document = JsonMapper.builder().build().readTree(answer.body());
            Set<String> ids = new HashSet<>();
            for (JsonNode item : document.get("items")) {
                String id = item.get("id").stringValue();
                ids.add(id);
                boolean holder = user.organisation().equals(facts.get(id)[0]);
                boolean full = holder || user.organisation().equals("intermediary");
                assertThat(item.get("capturePlace").isNull() && item.has("withheld")).as(user.username() + " " + id)
                        .isEqualTo(!full);
            }
            assertThat(ids).as(user.username()).isEqualTo(expected(user.organisation()));
        }
        assertThat(http.get(null, "/api/v1/persons/export?format=csv").statusCode()).isEqualTo(401);
    }

    @Test
    void captureCardsFollowTheRecordsVisibility() throws IOException {
        for (DemoUsers.DemoUser user : DemoUsers.all()) {
            boolean reads = DemoUsers.readsRecords(user.organisation(), user.role());
            Set<String> visible = expected(user.organisation());
            for (String id : facts.keySet()) {
                int status = http.get(user.username(), "/api/v1/persons/" + id + "/capture-card.pdf").statusCode();
                assertThat(status).as(user.username() + " " + id).isEqualTo(!reads ? 403
                        : visible.contains(id) ? 200 : 404);
            }
            HttpResponse<byte[]> batch = http.get(user.username(), "/api/v1/persons/capture-cards.pdf?"
                    + set.filter());
            if (!reads) {
                assertThat(batch.statusCode()).as(user.username()).isEqualTo(403);
                continue;
            }
            assertThat(batch.statusCode()).as(user.username()).isEqualTo(200);
            try (PDDocument document = Loader.loadPDF(batch.body())) {
                assertThat(document.getNumberOfPages()).as(user.username()).isEqualTo(visible.size());
            }
        }
        assertThat(http.get(null, "/api/v1/persons/" + set.formula() + "/capture-card.pdf").statusCode())
                .isEqualTo(401);
    }

    @Test
    void thePagesDownloadsFollowTheSameRules() throws IOException, InterruptedException {
        for (DemoUsers.DemoUser user : DemoUsers.all()) {
            String cookie = WebLogin.cookie(port, user.username());
            HttpResponse<String> csv = page(cookie, "/persons/export?format=csv&" + set.filter());
            HttpResponse<String> card = page(cookie, "/persons/" + set.petrenko() + "/capture-card.pdf");
            if (!DemoUsers.readsRecords(user.organisation(), user.role())) {
                assertThat(csv.statusCode()).as(user.username()).isEqualTo(403);
                assertThat(card.statusCode()).as(user.username()).isEqualTo(403);
                continue;
            }
            assertThat(csv.statusCode()).as(user.username()).isEqualTo(200);
            Set<String> visible = expected(user.organisation());
            for (String id : facts.keySet()) {
                assertThat(csv.body().contains(id)).as(user.username() + " " + id).isEqualTo(visible.contains(id));
            }
            assertThat(card.statusCode()).as(user.username()).isEqualTo(visible.contains(set.petrenko()) ? 200 : 404);
        }
        HttpResponse<String> anonymous = page(null, "/persons/export?format=csv");
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location").orElse("")).endsWith("/login");
    }

    private HttpResponse<String> page(String cookie, String path) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET()
                .header("Accept", "text/html");
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.ISO_8859_1));
    }

    @Test
    void everyDemoUserIsCovered() {
        assertThat(DemoUsers.all()).extracting(DemoUsers.DemoUser::username).contains("admin",
                "registrar@party-a", "viewer@party-b", "interviewer@intermediary");
        assertThat(List.copyOf(facts.values())).hasSize(5);
    }
}
