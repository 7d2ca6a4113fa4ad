package org.parley.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.parley.ApiClient;
import org.parley.ApiClient.Response;
import org.parley.DemoUsers;
import org.parley.ParleyTest;
import org.parley.api.Role;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Every API endpoint, called by every demo user of every organisation (and by nobody, and with a forged token),
 * against records of each kind of relation, checked against the visibility rules of the README ("Access
 * control") written out here independently of the code.
 */
@ParleyTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTest {

    /** Who calls: a demo user, or nobody (no token), or someone with a forged token. */
    record Principal(String username, String organisation, Role role) {
        boolean anonymous() {
            return username == null || username.equals("forged");
        }
    }

    /** A test record: who holds it, whose national it is, and whether the holder has notified. */
    record Target(String name, String holder, String origin, boolean notified) {
    }

    @LocalServerPort
    int port;

    private final List<Principal> principals = new ArrayList<>();
    private final Map<Principal, ApiClient> clients = new LinkedHashMap<>();
    private final Map<Target, String> ids = new LinkedHashMap<>();
    private final List<String> mismatches = new ArrayList<>();
    private long checkpointSize;
    private String withIntermediary;
    private String withoutIntermediary;
    private int checked;

    @BeforeAll
    void setUp() {
        DemoUsers.all().forEach(u -> principals.add(new Principal(u.username(), u.organisation(), u.role())));
        principals.add(new Principal(null, null, null));
        principals.add(new Principal("forged", null, null));
        ApiClient anonymous = new ApiClient(port);
        for (Principal principal : principals) {
            clients.put(principal, principal.username() == null ? anonymous
                    : principal.username().equals("forged") ? anonymous.withToken("prl_" + "A".repeat(43))
                    : anonymous.as(principal.username()));
        }
        ApiClient registrarA = anonymous.as("registrar@party-a");
        ApiClient registrarB = anonymous.as("registrar@party-b");
        for (Target target : List.of(new Target("A-notified", "party-a", "party-b", true),
                new Target("A-unnotified", "party-a", "party-b", false),
                new Target("B-notified", "party-b", "party-a", true),
                new Target("B-unnotified", "party-b", "party-a", false))) {
            ApiClient holder = target.holder().equals("party-a") ? registrarA : registrarB;
            Response created = holder.post("/api/v1/persons", """
                    {"surname": "Матриця", "givenName": "%s", "holdingParty": "%s", "powerOfOrigin": "%s",
                     "captureDate": "2024-01-01", "rank": "солдат"}""".formatted(target.name(), target.holder(),
                    target.origin()));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            String id = created.json().get("id").stringValue();
            if (target.notified()) {
                assertThat(holder.post("/api/v1/persons/" + id + "/events",
                        "{\"type\": \"NOTIFIED\", \"occurredOn\": \"2024-01-05\"}").status()).isEqualTo(201);
            }
            ids.put(target, id);
        }
        ApiClient negotiatorA = anonymous.as("negotiator@party-a");
        withIntermediary = negotiatorA.post("/api/v1/exchanges", """
                {"counterparty": "party-b", "intermediary": "intermediary", "title": "Matrix"}""").json().get("id")
                .stringValue();
        withoutIntermediary = negotiatorA.post("/api/v1/exchanges", """
                {"counterparty": "party-b", "title": "Matrix, parties only"}""").json().get("id").stringValue();
        for (String round : List.of(withIntermediary, withoutIntermediary)) {
            Response listed = negotiatorA.post("/api/v1/exchanges/" + round + "/lists/party-a/request/versions", """
                    {"basedOn": 0, "entries": [{"ref": "M-1", "surname": "Matrytsia", "givenName": "Test"}]}""");
            assertThat(listed.status()).as(listed.body()).isEqualTo(201);
        }
        checkpointSize = anonymous.as("auditor@intermediary").post("/api/v1/audit/checkpoints", "").json()
                .get("treeSize").asLong();
    }

    // The rules, independently of the code under test.

    private static boolean readsRecords(Principal p) {
        return !p.anonymous() && DemoUsers.readsRecords(p.organisation(), p.role());
    }

    private static boolean sees(Principal p, Target t) {
        return DemoUsers.sees(p.organisation(), t.holder(), t.origin(), t.notified());
    }

    /** 401 for nobody, 403 for a role that never reads records, 404 for a record it may not see, else ok. */
    private static int readStatus(Principal p, Target t, int ok) {
        if (p.anonymous()) {
            return 401;
        }
        if (!readsRecords(p)) {
            return 403;
        }
        return sees(p, t) ? ok : 404;
    }

    private void expect(Principal p, String what, Response response, int expected) {
        checked++;
        if (response.status() != expected) {
            mismatches.add(p.username() + " " + what + ": expected " + expected + ", got " + response.status()
                    + " " + response.body());
        }
        if (response.status() >= 400) {
            assertThat(response.contentType()).as(what).startsWith("application/problem+json");
        }
    }

    @Test
    void everyEndpointAnswersEveryCallerAsTheRulesSay() {
        for (Principal p : principals) {
            ApiClient client = clients.get(p);
            int authenticated = p.anonymous() ? 401 : 200;
            expect(p, "GET organisations", client.get("/api/v1/organisations"), authenticated);
            expect(p, "GET persons", client.get("/api/v1/persons?size=5"),
                    p.anonymous() ? 401 : readsRecords(p) ? 200 : 403);
            expect(p, "GET persons ordered and filtered by wish", client.get(
                    "/api/v1/persons?size=5&sort=-timeInCaptivity&wishStatus=UNKNOWN"),
                    p.anonymous() ? 401 : readsRecords(p) ? 200 : 403);
            checkBatchNotification(p, client);
            expect(p, "GET persons exported", client.get("/api/v1/persons/export?format=csv&q="
                    + ApiClient.encode("Матриця")), p.anonymous() ? 401 : readsRecords(p) ? 200 : 403);
            expect(p, "GET bundles received", client.get("/api/v1/bundles/incoming"),
                    p.anonymous() ? 401 : readsRecords(p) ? 200 : 403);
            expect(p, "GET tokens", client.get("/api/v1/auth/tokens"), authenticated);
            expect(p, "GET users", client.get("/api/v1/users"),
                    p.anonymous() ? 401 : p.role() == Role.ADMIN ? 200 : 403);
            boolean createsUsers = p.role() == Role.ADMIN && (p.organisation() == null
                    || p.organisation().equals("party-a"));
            expect(p, "POST users", client.post("/api/v1/users", """
                    {"username": "m%s@party-a", "organisation": "party-a", "roles": ["VIEWER"]}"""
                    .formatted(UUID.randomUUID().toString().substring(0, 8))),
                    p.anonymous() ? 401 : createsUsers ? 201 : 403);
            boolean registersForA = !p.anonymous() && p.role() == Role.REGISTRAR && "party-a".equals(p.organisation());
            expect(p, "POST persons", client.post("/api/v1/persons", """
                    {"surname": "Матриця", "holdingParty": "party-a"}"""),
                    p.anonymous() ? 401 : registersForA ? 201 : 403);
            boolean intermediaryReader = readsRecords(p) && "intermediary".equals(p.organisation());
            expect(p, "GET wishes queue", client.get("/api/v1/wishes/queue"),
                    p.anonymous() ? 401 : intermediaryReader ? 200 : 403);
            expect(p, "GET interviews per week", client.get("/api/v1/wishes/interviews-per-week"),
                    p.anonymous() ? 401 : intermediaryReader ? 200 : 403);

            expect(p, "GET figures", client.get("/api/v1/figures"), p.anonymous() ? 401 : readsRecords(p) ? 200 : 403);
            expect(p, "GET tracing requests", client.get("/api/v1/tracing-requests"),
                    p.anonymous() ? 401 : readsRecords(p) ? 200 : 403);
            expect(p, "POST tracing request", client.post("/api/v1/tracing-requests", """
                    {"surname": "Матриця", "requester": {"name": "Матриця", "relationship": "mother"}}"""),
                    p.anonymous() ? 401 : readsRecords(p) && p.role() == Role.REGISTRAR ? 201 : 403);

            checkAudit(p, client);
            checkExchanges(p, client);

            for (Map.Entry<Target, String> record : ids.entrySet()) {
                Target t = record.getKey();
                String path = "/api/v1/persons/" + record.getValue();
                expect(p, "GET " + t.name(), client.get(path), readStatus(p, t, 200));
                expect(p, "GET events of " + t.name(), client.get(path + "/events"), readStatus(p, t, 200));
                expect(p, "GET capture card of " + t.name(), client.get(path + "/capture-card.pdf"),
                        readStatus(p, t, 200));
                boolean readsStatements = t.holder().equals(p.organisation()) || "intermediary".equals(p.organisation());
                expect(p, "GET statements of " + t.name(), client.get(path + "/statements"),
                        readStatus(p, t, readsStatements ? 200 : 403));
                boolean interrogates = p.role() == Role.REGISTRAR && t.holder().equals(p.organisation());
                expect(p, "POST INTERROGATION statement to " + t.name(), client.post(path + "/statements",
                        "{\"wish\": \"RETURN\", \"method\": \"INTERROGATION\"}"),
                        readStatus(p, t, interrogates ? 201 : 403));
                boolean interviews = p.role() == Role.INTERVIEWER;
                expect(p, "POST PRIVATE_INTERVIEW statement to " + t.name(), client.post(path + "/statements",
                        "{\"wish\": \"RETURN\", \"method\": \"PRIVATE_INTERVIEW\"}"),
                        readStatus(p, t, interviews ? 201 : 403));

                boolean changes = p.role() == Role.REGISTRAR && t.holder().equals(p.organisation());
                int patch = readStatus(p, t, changes ? 200 : 403);
                int version = clients.get(principal("registrar@" + t.holder())).get(path).json().get("version").asInt();
                expect(p, "PATCH " + t.name(), client.patch(path, "{\"version\": " + version
                        + ", \"rank\": \"солдат\"}"), patch);

                boolean visits = "intermediary".equals(p.organisation())
                        && (p.role() == Role.REGISTRAR || p.role() == Role.INTERVIEWER);
                expect(p, "POST VISITED to " + t.name(), client.post(path + "/events",
                        "{\"type\": \"VISITED\", \"occurredOn\": \"" + LocalDate.now() + "\"}"),
                        readStatus(p, t, visits ? 201 : 403));
                expect(p, "POST HOSPITALISED to " + t.name(), client.post(path + "/events",
                        "{\"type\": \"HOSPITALISED\", \"occurredOn\": \"" + LocalDate.now() + "\"}"),
                        readStatus(p, t, changes ? 201 : 403));
                expect(p, "GET origin changes of " + t.name(), client.get(path + "/origin-changes"),
                        readStatus(p, t, readsStatements ? 200 : 403));
                if (t.notified()) {
                    checkNotificationStays(p, client, t, path, changes, visits);
                }
                if (changes) {
                    // back to internment, so that the next caller's HOSPITALISED is allowed again
                    assertThat(client.post(path + "/events", "{\"type\": \"TRANSFERRED\", \"occurredOn\": \""
                            + LocalDate.now() + "\", \"place\": \"Camp\"}").status()).isEqualTo(201);
                }
            }
        }
        assertThat(mismatches).isEmpty();
        long notified = ids.keySet().stream().filter(Target::notified).count();
        long cases = 14 + BATCH_CASES + AUDIT_CASES + EXCHANGE_CASES + ids.size() * 10L + notified * NOTIFICATION_CASES;
        assertThat(checked).isEqualTo(principals.size() * cases);
        System.out.printf("Access matrix: %d principals x %d endpoint cases = %d checks%n", principals.size(),
                cases, checked);
    }

    private static final int BATCH_CASES = 2;

    /**
     * {@code POST /api/v1/persons/notifications}: only the holding party's registrars, as for one notification. A
     * person already notified is refused by the lifecycle (409) once the caller may notify it; a fresh one is notified.
     */
    private void checkBatchNotification(Principal p, ApiClient client) {
        Target notified = ids.keySet().stream().filter(t -> t.name().equals("A-notified")).findFirst().orElseThrow();
        boolean notifies = p.role() == Role.REGISTRAR && "party-a".equals(p.organisation());
        expect(p, "POST notifications of A-notified", client.post("/api/v1/persons/notifications",
                "{\"personIds\": [\"" + ids.get(notified) + "\"], \"date\": \"" + LocalDate.now() + "\"}"),
                readStatus(p, notified, notifies ? 409 : 403));
        Response fresh = clients.get(principal("registrar@party-a")).post("/api/v1/persons", """
                {"surname": "Матриця", "givenName": "Пакет", "holdingParty": "party-a", "powerOfOrigin": "party-b",
                 "captureDate": "2024-01-01"}""");
        assertThat(fresh.status()).as(fresh.body()).isEqualTo(201);
        expect(p, "POST notifications of a fresh A-unnotified", client.post("/api/v1/persons/notifications",
                "{\"personIds\": [\"" + fresh.json().get("id").stringValue() + "\"], \"date\": \""
                        + LocalDate.now() + "\"}"),
                readStatus(p, new Target("fresh", "party-a", "party-b", false), notifies ? 201 : 403));
    }

    private static final int NOTIFICATION_CASES = 3;

    /**
     * What would take a notified record from its power of origin: superseding the notification (refused to all),
     * clearing the power of origin (409 for the holding party: only a request the intermediary confirms changes
     * it), and the holding party voiding the intermediary's visit (only the intermediary corrects it).
     */
    private void checkNotificationStays(Principal p, ApiClient client, Target t, String path, boolean changes,
            boolean visits) {
        ApiClient holder = clients.get(principal("registrar@" + t.holder()));
        ApiClient interviewer = clients.get(principal("interviewer@intermediary"));
        JsonNode history = holder.get(path + "/events").json();
        String notification = StreamSupport.stream(history.spliterator(), false)
                .filter(e -> e.get("type").stringValue().equals("NOTIFIED")).findFirst().orElseThrow()
                .get("id").stringValue();
        expect(p, "CORRECTION of the NOTIFIED of " + t.name(), client.post(path + "/events",
                "{\"type\": \"CORRECTION\", \"supersedes\": \"" + notification + "\", \"note\": \"withdrawn\"}"),
                readStatus(p, t, changes || visits ? 400 : 403));
        Response visit = interviewer.post(path + "/events", "{\"type\": \"VISITED\", \"occurredOn\": \""
                + LocalDate.now() + "\"}");
        assertThat(visit.status()).as(visit.body()).isEqualTo(201);
        expect(p, "CORRECTION of the intermediary's VISITED of " + t.name(), client.post(path + "/events",
                "{\"type\": \"CORRECTION\", \"supersedes\": \"" + visit.json().get("id").stringValue()
                        + "\", \"note\": \"no visit\"}"),
                readStatus(p, t, visits ? 201 : 403));
        int version = holder.get(path).json().get("version").asInt();
        expect(p, "PATCH powerOfOrigin null of " + t.name(), client.patch(path, "{\"version\": " + version
                + ", \"powerOfOrigin\": null}"), readStatus(p, t, changes ? 409 : 403));
    }

    private static final int EXCHANGE_CASES = 2 + 2 * 16;

    /**
     * Exchange rounds: opened by a party's negotiators; read by the parties and the round's intermediary (a round
     * without one is not found by the intermediary); a list written only by its party's negotiators; a match decided
     * only by the holder's negotiators.
     */
    private void checkExchanges(Principal p, ApiClient client) {
        boolean negotiatorOfParty = !p.anonymous() && p.role() == Role.NEGOTIATOR && p.organisation() != null
                && p.organisation().startsWith("party-");
        expect(p, "POST exchanges", client.post("/api/v1/exchanges", """
                {"counterparty": "%s", "title": "Matrix"}""".formatted("party-a".equals(p.organisation())
                ? "party-b" : "party-a")), p.anonymous() ? 401 : negotiatorOfParty ? 201 : 403);
        expect(p, "GET exchanges", client.get("/api/v1/exchanges"),
                p.anonymous() ? 401 : readsRecords(p) ? 200 : 403);
        for (String round : List.of(withIntermediary, withoutIntermediary)) {
            boolean participant = p.organisation() != null && (p.organisation().startsWith("party-")
                    || round.equals(withIntermediary));
            String path = "/api/v1/exchanges/" + round;
            String name = round.equals(withIntermediary) ? " (with intermediary)" : " (parties only)";
            int read = p.anonymous() ? 401 : !readsRecords(p) ? 403 : participant ? 200 : 404;
            expect(p, "GET exchange" + name, client.get(path), read);
            expect(p, "GET request versions" + name, client.get(path + "/lists/party-a/request/versions"), read);
            expect(p, "GET reconciliation" + name, client.get(path + "/lists/party-a/request/versions/1/reconciliation"),
                    read);
            expect(p, "GET left-off" + name, client.get(path + "/left-off?party=party-a&kind=request"), read);
            boolean holdersNegotiator = p.role() == Role.NEGOTIATOR && "party-b".equals(p.organisation());
            expect(p, "POST decision" + name, client.post(path + "/lists/party-a/request/versions/1/reconciliation/M-1",
                    "{\"decision\": \"REJECT\"}"), read != 200 ? read : holdersNegotiator ? 200 : 403);
            checkAgreement(p, client, path, name, read, round.equals(withIntermediary));
        }
    }

    /**
     * The exchange list, approvals, agreement, handover and report of a round in negotiation: proposals by the
     * negotiators of the round's parties and intermediary; approvals by the same; the handover by the parties'
     * registrars and the intermediary, completed by the intermediary's negotiators (both parties' without one).
     */
    private void checkAgreement(Principal p, ApiClient client, String path, String name, int read,
            boolean hasIntermediary) {
        boolean negotiator = p.role() == Role.NEGOTIATOR;
        boolean intermediary = "intermediary".equals(p.organisation());
        expect(p, "GET exchange-list versions" + name, client.get(path + "/exchange-list/versions"), read);
        expect(p, "GET approvals" + name, client.get(path + "/approvals"), read);
        expect(p, "GET agreement" + name, client.get(path + "/agreement"), read != 200 ? read : 409);
        expect(p, "GET handover" + name, client.get(path + "/handover"), read != 200 ? read : 409);
        expect(p, "GET report" + name, client.get(path + "/report"), read != 200 ? read : 404);
        expect(p, "GET agreement.pdf" + name, client.get(path + "/agreement.pdf"), read != 200 ? read : 409);
        expect(p, "GET report.pdf" + name, client.get(path + "/report.pdf"), read != 200 ? read : 404);
        expect(p, "POST proposal" + name, client.post(path + "/proposals", "{\"balance\": \"ALL_FOR_ALL\"}"),
                read != 200 ? read : negotiator ? 201 : 403);
        expect(p, "POST approval" + name, client.post(path + "/exchange-list/versions/999/approvals", "{}"),
                read != 200 ? read : negotiator ? 404 : 403);
        boolean recorder = p.role() == Role.REGISTRAR || intermediary && negotiator;
        expect(p, "POST handover" + name, client.post(path + "/handover", "{\"entries\": []}"),
                read != 200 ? read : recorder ? 409 : 403);
        boolean completer = negotiator && (hasIntermediary ? intermediary : !intermediary);
        expect(p, "POST handover complete" + name, client.post(path + "/handover/complete", ""),
                read != 200 ? read : completer ? 409 : 403);
    }

    private static final int AUDIT_CASES = 8;

    /**
     * The audit log: checkpoints, proofs and the public key for everyone authenticated; entries for auditors, a
     * party's auditors their own organisation's only; signing on demand for auditors and administrators.
     */
    private void checkAudit(Principal p, ApiClient client) {
        int authenticated = p.anonymous() ? 401 : 200;
        expect(p, "GET audit latest checkpoint", client.get("/api/v1/audit/checkpoints/latest"), authenticated);
        expect(p, "GET audit checkpoint", client.get("/api/v1/audit/checkpoints/" + checkpointSize), authenticated);
        expect(p, "GET audit public key", client.get("/api/v1/audit/public-key"), authenticated);
        expect(p, "GET audit inclusion proof", client.get("/api/v1/audit/entries/0/proof?treeSize=" + checkpointSize),
                authenticated);
        expect(p, "GET audit consistency proof", client.get("/api/v1/audit/consistency?from=1&to=" + checkpointSize),
                authenticated);
        boolean auditor = !p.anonymous() && p.role() == Role.AUDITOR && p.organisation() != null;
        expect(p, "GET audit entries", client.get("/api/v1/audit/entries?size=5"),
                p.anonymous() ? 401 : auditor ? 200 : 403);
        boolean seesPartyA = auditor && !"party-b".equals(p.organisation());
        expect(p, "GET audit entries of party-a", client.get("/api/v1/audit/entries?organisation=party-a&size=5"),
                p.anonymous() ? 401 : seesPartyA ? 200 : 403);
        boolean signs = !p.anonymous() && (p.role() == Role.AUDITOR || p.role() == Role.ADMIN);
        expect(p, "POST audit checkpoint", client.post("/api/v1/audit/checkpoints", ""),
                p.anonymous() ? 401 : signs ? 200 : 403);
    }

    private Principal principal(String username) {
        return principals.stream().filter(p -> username.equals(p.username())).findFirst().orElseThrow();
    }
}
