package org.parley.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.parley.ApiClient;
import org.parley.DemoUsers;
import org.parley.ParleyTest;
import org.parley.TestCallers;
import org.parley.access.UserService;
import org.parley.api.Role;
import org.parley.web.PageSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every tracing endpoint and page as every demo user (and nobody), on requests recorded by each organisation: only
 * registrars record; a request is read by the recording organisation and the intermediary, the other party gets
 * 404 as for a missing one; only the recording organisation's registrars decide, answer and close (others who read
 * it: 403); administrators read none (403).
 */
@ParleyTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TracingAccessTest {

    private static final List<String> ORGANISATIONS = List.of("party-a", "party-b", "intermediary");

    @LocalServerPort
    int port;
    @Autowired
    TracingService tracing;
    @Autowired
    UserService users;

    private String person;
    private final List<String> mismatches = new ArrayList<>();
    private int checks;

    @BeforeAll
    void aNotifiedPersonEveryOrganisationSees() {
        ApiClient registrar = new ApiClient(port).as("registrar@party-a");
        ApiClient.Response created = registrar.post("/api/v1/persons", "{\"surname\": \"Доступенко-Розшуковий\", "
                + "\"givenName\": \"Тарас\", \"holdingParty\": \"party-a\", \"powerOfOrigin\": \"party-b\"}");
        person = created.json().get("id").stringValue();
        assertThat(registrar.post("/api/v1/persons/notifications", "{\"personIds\": [\"" + person + "\"], \"date\": \""
                + LocalDate.now() + "\"}").status()).isIn(200, 201);
    }

    /** A fresh open request recorded by the organisation's registrar, with the person as its candidate. */
    private String requestOf(String organisation) {
        TracingService.Shown shown = tracing.record(TestCallers.of(users, "registrar@" + organisation),
                new TracingInput("Dostupenko-Rozshukovyi", "Taras", null, null, null, null, null, null,
                        new Requester("Olena", "sister", "contact-" + organisation), null));
        assertThat(shown.candidates()).extracting(TracingService.ShownCandidate::personId).contains(person);
        return shown.id();
    }

    private static boolean reads(DemoUsers.DemoUser user) {
        return user != null && DemoUsers.readsRecords(user.organisation(), user.role());
    }

    private static boolean readsRequestOf(DemoUsers.DemoUser user, String organisation) {
        return reads(user) && (organisation.equals(user.organisation()) || "intermediary".equals(user.organisation()));
    }

    private static int read(DemoUsers.DemoUser user, String organisation) {
        return !reads(user) ? 403 : readsRequestOf(user, organisation) ? 200 : 404;
    }

    private static int change(DemoUsers.DemoUser user, String organisation, int done) {
        int read = read(user, organisation);
        if (read != 200) {
            return read;
        }
        return user.role() == Role.REGISTRAR && organisation.equals(user.organisation()) ? done : 403;
    }

    @Test
    void everyEndpointAsEveryDemoUser() {
        for (DemoUsers.DemoUser user : DemoUsers.all()) {
            ApiClient api = new ApiClient(port).as(user.username());
            String name = user.username();
            expect(name, "POST", api.post("/api/v1/tracing-requests", "{\"surname\": \"Zhuk\"}").status(),
                    reads(user) && user.role() == Role.REGISTRAR ? 201 : 403);
            expect(name, "GET list", api.get("/api/v1/tracing-requests?newMatches=true").status(), reads(user) ? 200 : 403);
            for (String organisation : ORGANISATIONS) {
                String request = requestOf(organisation);
                String path = "/api/v1/tracing-requests/" + request;
                ApiClient.Response one = api.get(path);
                expect(name, "GET of " + organisation, one.status(), read(user, organisation));
                if (one.status() != 200 && one.body().contains("contact-" + organisation)) {
                    mismatches.add(name + " read the contact of a request of " + organisation);
                }
                boolean listed = reads(user) && api.get("/api/v1/tracing-requests?size=200").body().contains(request);
                expect(name, "listed of " + organisation, listed ? 200 : 404, readsRequestOf(user, organisation) ? 200 : 404);
                expect(name, "decide on " + organisation, api.post(path + "/candidates/" + person,
                        "{\"decision\": \"RULED_OUT\"}").status(), change(user, organisation, 200));
                expect(name, "answer " + organisation, api.post(path + "/answer", "{\"text\": \"answer\"}").status(),
                        change(user, organisation, 200));
                expect(name, "close " + organisation, api.post(path + "/close", "").status(),
                        change(user, organisation, 200));
            }
        }
        expect("nobody", "GET list", new ApiClient(port).get("/api/v1/tracing-requests").status(), 401);
        assertThat(mismatches).isEmpty();
        assertThat(checks).isEqualTo(DemoUsers.all().size() * (2 + 5 * ORGANISATIONS.size()) + 1);
    }

    @Test
    void everyPageAsEveryDemoUserAndNobody() {
        List<DemoUsers.DemoUser> everybody = new ArrayList<>(DemoUsers.all());
        everybody.add(null);
        for (DemoUsers.DemoUser user : everybody) {
            PageSession session = PageSession.of(port, user == null ? null : user.username());
            String name = user == null ? "nobody" : user.username();
            boolean registrar = reads(user) && user.role() == Role.REGISTRAR;
            expect(name, "GET /tracing", session.get("/tracing"), user == null ? 302 : reads(user) ? 200 : 403);
            expect(name, "GET /tracing/new", session.get("/tracing/new"), user == null ? 302 : registrar ? 200 : 403);
            if (reads(user)) {
                boolean linked = session.get("/persons").body().contains("id=\"nav-tracing\"");
                expect(name, "header link", linked ? 200 : 404, registrar ? 200 : 404);
            }
            for (String organisation : ORGANISATIONS) {
                String request = requestOf(organisation);
                HttpResponse<String> page = session.get("/tracing/" + request);
                expect(name, "GET page of " + organisation, page, user == null ? 302 : read(user, organisation));
                if (page.statusCode() != 200 && page.body().contains("contact-" + organisation)) {
                    mismatches.add(name + " saw the contact of a request of " + organisation);
                }
                if (user != null) {
                    expect(name, "POST close of " + organisation, session.post("/tracing/" + request + "/close",
                            Map.of()), change(user, organisation, 302));
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    private void expect(String user, String what, HttpResponse<String> response, int expected) {
        expect(user, what, response.statusCode(), expected);
    }

    private void expect(String user, String what, int status, int expected) {
        checks++;
        if (status != expected) {
            mismatches.add(user + " " + what + ": " + status + ", expected " + expected);
        }
    }
}
