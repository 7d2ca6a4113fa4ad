package org.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.parley.ApiClient;
import org.parley.DemoUsers;
import org.parley.ParleyTest;
import org.parley.TestCallers;
import org.parley.access.UserService;
import org.parley.api.Caller;
import org.parley.api.Role;
import org.parley.registry.EventInput;
import org.parley.registry.EventType;
import org.parley.registry.Person;
import org.parley.registry.PersonField;
import org.parley.registry.PersonInput;
import org.parley.registry.RegistryService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every page, opened by every demo user of every organisation (and by nobody), on records of each kind of
 * relation: the answer the visibility rules of the README ("Access control") give, written out here
 * independently of the code.
 */
@ParleyTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageAccessMatrixTest {

    /** The exchange pages each principal opens (see {@link #exchangePages}). */
    private static final int EXCHANGE_PAGES = 19;

    record Principal(String username, String organisation, Role role) {
    }

    record Target(String name, String holder, String origin, boolean notified) {
    }

    @LocalServerPort
    int port;
    @Autowired
    RegistryService registry;
    @Autowired
    UserService users;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final List<Principal> principals = new ArrayList<>();
    private final Map<Target, String> ids = new LinkedHashMap<>();
    /** Exchange rounds: party-a with party-b and the intermediary; party-b with party-a alone. */
    private String round;
    private String roundWithoutIntermediary;
    /** A round of party-a and party-b with the intermediary, carried through to EXECUTED: two exchange-list versions,
     * both approved the second, the handover recorded and completed. */
    private String executed;
    private final List<String> mismatches = new ArrayList<>();
    private int checked;

    @BeforeAll
    void setUp() {
        DemoUsers.all().forEach(u -> principals.add(new Principal(u.username(), u.organisation(), u.role())));
        principals.add(new Principal(null, null, null));
        for (Target target : List.of(new Target("A-notified", "party-a", "party-b", true),
                new Target("A-unnotified", "party-a", "party-b", false),
                new Target("B-notified", "party-b", "party-a", true),
                new Target("B-unnotified", "party-b", "party-a", false))) {
            Caller holder = TestCallers.of(users, "registrar@" + target.holder());
            Map<PersonField, Object> facts = new EnumMap<>(PersonField.class);
            facts.put(PersonField.SURNAME, "Сторінка");
            facts.put(PersonField.GIVEN_NAME, target.name());
            facts.put(PersonField.HOLDING_PARTY, target.holder());
            facts.put(PersonField.POWER_OF_ORIGIN, target.origin());
            facts.put(PersonField.CAPTURE_DATE, LocalDate.of(2024, 1, 1));
            Person created = registry.create(holder, new PersonInput(facts, Map.of()));
            long id = created.id();
            if (target.notified()) {
                registry.addEvent(holder, id, new EventInput(EventType.NOTIFIED, LocalDate.of(2024, 1, 5), null, null,
                        null));
            }
            ids.put(target, created.publicId());
        }
        // through the API, as the web package knows nothing of the exchange feature but its addresses
        ApiClient negotiatorA = new ApiClient(port).as("negotiator@party-a");
        round = negotiatorA.post("/api/v1/exchanges", """
                {"counterparty": "party-b", "intermediary": "intermediary", "title": "Матриця"}""")
                .json().get("id").stringValue();
        String versions = "/api/v1/exchanges/" + round + "/lists/party-a/request/versions";
        assertThat(negotiatorA.post(versions, """
                {"basedOn": 0, "entries": [{"ref": "M-1", "surname": "Сторінка"}, {"ref": "M-2", "surname": "Рядок"}]}
                """).status()).isEqualTo(201);
        assertThat(negotiatorA.post(versions, """
                {"basedOn": 1, "entries": [{"ref": "M-1", "surname": "Сторінка"}],
                 "removals": [{"ref": "M-2", "reason": "DUPLICATE"}]}""").status()).isEqualTo(201);
        roundWithoutIntermediary = new ApiClient(port).as("negotiator@party-b").post("/api/v1/exchanges", """
                {"counterparty": "party-a", "title": "Матриця без посередника"}""").json().get("id").stringValue();
        executed = executedRound(negotiatorA);
    }

    /** A person {@code holder} holds, a national of the other party, notified, through the API. */
    private String released(String holder, String surname) {
        ApiClient registrar = new ApiClient(port).as("registrar@" + holder);
        ApiClient.Response created = registrar.post("/api/v1/persons", """
                {"surname": "%s", "givenName": "Обмін", "holdingParty": "%s", "powerOfOrigin": "%s",
                 "captureDate": "2024-02-01"}""".formatted(surname, holder,
                holder.equals("party-a") ? "party-b" : "party-a"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").stringValue();
        assertThat(registrar.post("/api/v1/persons/" + id + "/events", """
                {"type": "NOTIFIED", "occurredOn": "2024-02-05"}""").status()).isEqualTo(201);
        return id;
    }

    /** The exchange of one person each way, from the offers to the report. */
    private String executedRound(ApiClient negotiatorA) {
        String fromA = released("party-a", "Матрицький");
        String fromB = released("party-b", "Матричный");
        ApiClient negotiatorB = new ApiClient(port).as("negotiator@party-b");
        String id = negotiatorA.post("/api/v1/exchanges", """
                {"counterparty": "party-b", "intermediary": "intermediary", "title": "Матриця угоди"}""")
                .json().get("id").stringValue();
        String base = "/api/v1/exchanges/" + id;
        assertThat(negotiatorA.post(base + "/lists/party-a/offer/versions", """
                {"basedOn": 0, "entries": [{"personId": "%s"}]}""".formatted(fromA)).status()).isEqualTo(201);
        assertThat(negotiatorB.post(base + "/lists/party-b/offer/versions", """
                {"basedOn": 0, "entries": [{"personId": "%s"}]}""".formatted(fromB)).status()).isEqualTo(201);
        assertThat(negotiatorA.post(base + "/proposals", "{\"balance\": \"N_FOR_N\"}").status()).isEqualTo(201);
        assertThat(negotiatorB.post(base + "/proposals", "{\"balance\": \"ALL_FOR_ALL\"}").status()).isEqualTo(201);
        for (ApiClient negotiator : List.of(negotiatorA, negotiatorB)) {
            ApiClient.Response approved = negotiator.post(base + "/exchange-list/versions/2/approvals", "{}");
            assertThat(approved.status()).as(approved.body()).isEqualTo(201);
        }
        for (String[] outcome : List.of(new String[] {"party-a", fromA}, new String[] {"party-b", fromB})) {
            ApiClient.Response recorded = new ApiClient(port).as("registrar@" + outcome[0]).post(base + "/handover",
                    """
                    {"entries": [{"personId": "%s", "outcome": "TRANSFERRED"}]}""".formatted(outcome[1]));
            assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        }
        ApiClient.Response completed = new ApiClient(port).as("negotiator@intermediary").post(base
                + "/handover/complete", "{}");
        assertThat(completed.status()).as(completed.body()).isEqualTo(200);
        assertThat(completed.json().get("state").stringValue()).isEqualTo("EXECUTED");
        return id;
    }

    /**
     * The exchange pages: a round's participants who read records see them; an organisation that takes no part is
     * told "not found"; administrators, who read no records, are refused (403) as on the person pages.
     */
    private void exchangePages(Principal p, String cookie) throws Exception {
        boolean anonymous = cookie == null;
        boolean participant = readsRecords(p); // every demo organisation takes part in the first round
        String base = "/exchanges/" + round;
        expect(p, "/exchanges", cookie, anonymous ? 302 : readsRecords(p) ? 200 : 403);
        for (String page : List.of(base, base + "/lists/party-a/request/versions/2",
                base + "/lists/party-a/request/versions/2/diff?from=1",
                base + "/lists/party-a/request/versions/2/reconciliation",
                base + "/left-off?party=party-b&kind=offer")) {
            expect(p, page, cookie, anonymous ? 302 : participant ? 200 : 403);
        }
        expect(p, base + "/lists/party-a/request/edit", cookie, anonymous ? 302
                : "negotiator@party-a".equals(p.username()) ? 200 : 403);
        expect(p, "/exchanges/" + roundWithoutIntermediary, cookie, anonymous ? 302 : !participant ? 403
                : "intermediary".equals(p.organisation()) ? 404 : 200);
        // the exchange list, the agreement, the handover and the report: the same for every participant
        expect(p, base + "/exchange-list", cookie, anonymous ? 302 : participant ? 200 : 403);
        expect(p, base + "/agreement", cookie, anonymous ? 302 : participant ? 409 : 403); // not agreed yet
        expect(p, "/exchanges/" + roundWithoutIntermediary + "/exchange-list", cookie, anonymous ? 302
                : !participant ? 403 : "intermediary".equals(p.organisation()) ? 404 : 200);
        String done = "/exchanges/" + executed;
        for (String page : List.of(done, done + "/exchange-list", done + "/exchange-list/versions/2",
                done + "/exchange-list/versions/2/diff?from=1", done + "/agreement", done + "/agreement.json",
                done + "/handover", done + "/report")) {
            expect(p, page, cookie, anonymous ? 302 : participant ? 200 : 403);
        }
    }

    private static boolean readsRecords(Principal p) {
        return DemoUsers.readsRecords(p.organisation(), p.role());
    }

    private static boolean sees(Principal p, Target t) {
        return DemoUsers.sees(p.organisation(), t.holder(), t.origin(), t.notified());
    }

    @Test
    void everyPageAnswersEveryCallerAsTheRulesSay() throws Exception {
        for (Principal p : principals) {
            String cookie = p.username() == null ? null : WebLogin.cookie(port, p.username());
            boolean anonymous = cookie == null;
            expect(p, "/persons", cookie, anonymous ? 302 : readsRecords(p) ? 200 : 403);
            expect(p, "/persons?sort=-timeInCaptivity&wishStatus=UNKNOWN&size=25", cookie,
                    anonymous ? 302 : readsRecords(p) ? 200 : 403);
            checkBatchNotification(p, cookie);
            expect(p, "/admin/users", cookie, anonymous ? 302 : p.role() == Role.ADMIN ? 200 : 403);
            expect(p, "/account/password", cookie, anonymous ? 302 : 200);
            expect(p, "/account", cookie, anonymous ? 302 : 200);
            expect(p, "/audit", cookie, anonymous ? 302
                    : p.organisation() != null && p.role() == Role.AUDITOR ? 200 : 403);
            expect(p, "/wishes/queue", cookie, anonymous ? 302
                    : readsRecords(p) && "intermediary".equals(p.organisation()) ? 200 : 403);
            expect(p, "/dashboard", cookie, anonymous ? 302 : readsRecords(p) ? 200 : 403);
            expect(p, "/tracing", cookie, anonymous ? 302 : readsRecords(p) ? 200 : 403);
            expect(p, "/tracing/new", cookie, anonymous ? 302
                    : readsRecords(p) && p.role() == Role.REGISTRAR ? 200 : 403);
            exchangePages(p, cookie);
            // the registrar's desk: a party's registrar registers; a registrar of the holder corrects, adds events
            expect(p, "/persons/new", cookie, anonymous ? 302
                    : p.role() == Role.REGISTRAR && !"intermediary".equals(p.organisation()) ? 200 : 403);
            for (Map.Entry<Target, String> record : ids.entrySet()) {
                Target t = record.getKey();
                expect(p, "/persons/" + record.getValue(), cookie,
                        anonymous ? 302 : !readsRecords(p) ? 403 : sees(p, t) ? 200 : 404);
                boolean keeper = p.role() == Role.REGISTRAR && t.holder().equals(p.organisation());
                for (String desk : List.of("/edit", "/events/new")) {
                    expect(p, "/persons/" + record.getValue() + desk, cookie,
                            anonymous ? 302 : !readsRecords(p) ? 403 : !sees(p, t) ? 404 : keeper ? 200 : 403);
                }
            }
        }
        assertThat(mismatches).isEmpty();
        int cases = 11 + EXCHANGE_PAGES + 1 + 3 * ids.size();
        assertThat(checked).isEqualTo(principals.size() * cases);
        System.out.printf("Page access matrix: %d principals x %d page cases = %d checks%n", principals.size(),
                cases, checked);
    }

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    /**
     * The list's batch notification ({@code POST /persons/notifications}, with the session's CSRF token) of a person
     * Party A holds and has notified: only Party A's registrars get past the access check (and back to the list, told
     * that the person was notified already); the others are refused as the person page refuses them.
     */
    private void checkBatchNotification(Principal p, String cookie) throws Exception {
        Target target = ids.keySet().stream().filter(t -> t.name().equals("A-notified")).findFirst().orElseThrow();
        String session = cookie;
        String csrf;
        if (cookie == null) {
            WebLogin.Session anonymous = WebLogin.anonymous(port);
            session = anonymous.cookie();
            csrf = anonymous.csrf();
        } else {
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + "/account/password")).header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString());
            Matcher token = CSRF.matcher(page.body());
            assertThat(token.find()).as("a CSRF token for " + p.username()).isTrue();
            csrf = token.group(1);
        }
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/persons/notifications"))
                .header("Cookie", session).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + csrf + "&personId=" + ids.get(target)
                        + "&date=" + LocalDate.now() + "&back=%2Fpersons")).build(),
                HttpResponse.BodyHandlers.ofString());
        boolean notifies = p.role() == Role.REGISTRAR && "party-a".equals(p.organisation());
        int expected = cookie == null ? 302 : !readsRecords(p) ? 403 : !sees(p, target) ? 404 : notifies ? 302 : 403;
        checked++;
        if (response.statusCode() != expected) {
            mismatches.add(p.username() + " POST /persons/notifications: expected " + expected + ", got "
                    + response.statusCode());
        } else if (expected == 302) {
            assertThat(response.headers().firstValue("Location").orElse(""))
                    .endsWith(cookie == null ? "/login" : "/persons");
        }
    }

    private void expect(Principal p, String path, String cookie, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        checked++;
        if (response.statusCode() != expected) {
            mismatches.add(p.username() + " GET " + path + ": expected " + expected + ", got " + response.statusCode());
        }
        if (expected == 302) {
            assertThat(response.headers().firstValue("Location").orElse("")).endsWith("/login");
        }
        if (expected == 403 || expected == 404) {
            assertThat(response.headers().firstValue("Content-Type").orElse("")).as(path + " answers a page")
                    .startsWith("text/html");
        }
        if (expected == 404) {
            assertThat(response.body()).as("a hidden record looks exactly like a missing one")
                    .doesNotContain("Сторінка");
        }
    }
}
