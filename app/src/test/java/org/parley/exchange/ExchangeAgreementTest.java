package org.parley.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.ApiClient;
import org.parley.ApiClient.Response;
import org.parley.ParleyTest;
import org.parley.audit.AuditLog;
import org.parley.audit.AuditTree;
import org.parley.audit.AuditVerifier;
import org.parley.cli.AuditLogLookup;
import org.parley.audit.Checkpoint;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A round from reconciled lists to EXECUTED through the API — proposal, approvals, agreement, handover,
 * completion, report — as both parties' negotiators and registrars, the intermediary's negotiator, registrar and
 * interviewer; and every refusal on the way.
 */
@ParleyTest
class ExchangeAgreementTest {

    @LocalServerPort
    int port;
    @Autowired
    AuditVerifier verifier;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AuditLog auditLog;
    @Autowired
    AuditTree auditTree;

    private ApiClient negotiatorA;
    private ApiClient negotiatorB;
    private ApiClient registrarA;
    private ApiClient registrarB;
    private ApiClient negotiatorI;
    private ApiClient registrarI;
    private ApiClient interviewer;

    @BeforeEach
    void clients() {
        ApiClient anonymous = new ApiClient(port);
        negotiatorA = anonymous.as("negotiator@party-a");
        negotiatorB = anonymous.as("negotiator@party-b");
        registrarA = anonymous.as("registrar@party-a");
        registrarB = anonymous.as("registrar@party-b");
        negotiatorI = anonymous.as("negotiator@intermediary");
        registrarI = anonymous.as("registrar@intermediary");
        interviewer = anonymous.as("interviewer@intermediary");
    }

    /** A notified person held by {@code holder}, a national of the other party. */
    private String person(String holder, String surname, String given, LocalDate captured, boolean seriouslyIll) {
        ApiClient registrar = holder.equals("party-a") ? registrarA : registrarB;
        String origin = holder.equals("party-a") ? "party-b" : "party-a";
        Response created = registrar.post("/api/v1/persons", """
                {"surname": "%s", "givenName": "%s", "dateOfBirth": "1990-05-05", "holdingParty": "%s",
                 "powerOfOrigin": "%s", "captureDate": "%s", "seriouslyIllOrWounded": %s, "rank": "солдат",
                 "serviceNumber": "SN-%s"}""".formatted(surname, given, holder, origin, captured, seriouslyIll,
                surname.hashCode()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").stringValue();
        Response notified = registrar.post("/api/v1/persons/" + id + "/events", "{\"type\": \"NOTIFIED\", "
                + "\"occurredOn\": \"" + captured.plusDays(3) + "\"}");
        assertThat(notified.status()).as(notified.body()).isEqualTo(201);
        return id;
    }

    private void verifiedNotReturning(String personId) {
        Response statement = interviewer.post("/api/v1/persons/" + personId + "/statements", """
                {"wish": "NOT_RETURN", "method": "PRIVATE_INTERVIEW", "takenOn": "%s", "place": "Табір 3",
                 "language": "uk", "interpreter": false, "text": "не хочу повертатися"}""".formatted(LocalDate.now()));
        assertThat(statement.status()).as(statement.body()).isEqualTo(201);
    }

    private String round(boolean withIntermediary) {
        Response opened = negotiatorA.post("/api/v1/exchanges", withIntermediary
                ? "{\"counterparty\": \"party-b\", \"intermediary\": \"intermediary\", \"title\": \"Agreement test\"}"
                : "{\"counterparty\": \"party-b\", \"title\": \"Bilateral test\"}");
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        return opened.json().get("id").stringValue();
    }

    private void list(ApiClient negotiator, String round, String party, String kind, String entries) {
        Response submitted = negotiator.post("/api/v1/exchanges/" + round + "/lists/" + party + "/" + kind
                + "/versions", "{\"basedOn\": 0, \"entries\": [" + entries + "]}");
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
    }

    private static String byId(String ref, String personId) {
        return "{\"ref\": \"" + ref + "\", \"personId\": \"" + personId + "\"}";
    }

    private static List<String> ids(JsonNode items) {
        List<String> ids = new ArrayList<>();
        items.forEach(i -> ids.add(i.get("personId").stringValue()));
        return ids;
    }

    private static JsonNode excludedOf(JsonNode version, String personId) {
        for (JsonNode e : version.get("excluded")) {
            if (personId.equals(e.get("personId").stringValue())) {
                return e;
            }
        }
        throw new AssertionError(personId + " is not excluded in " + version);
    }

    private String status(String personId) {
        return registrarI.get("/api/v1/persons/" + personId).json().get("status").stringValue();
    }

    @Test
    void fromReconciledListsToAnExecutedRound() {
        LocalDate today = LocalDate.now();
        String b1 = person("party-b", "Коваленко", "Олександр", today.minusYears(3), false);
        String b2 = person("party-b", "Шевчук", "Богдан", today.minusYears(2), false);
        String b3 = person("party-b", "Гнатюк", "Іван", today.minusMonths(3), true);
        String b4 = person("party-b", "Мельник", "Петро", today.minusYears(1), false);
        String b5 = person("party-b", "Бондар", "Сергій", today.minusMonths(6), false);
        String a1 = person("party-a", "Алексеев", "Андрей", today.minusYears(2), false);
        String a2 = person("party-a", "Ёлкин", "Пётр", today.minusMonths(8), false);
        verifiedNotReturning(b4);
        String round = round(true);
        String base = "/api/v1/exchanges/" + round;
        list(negotiatorA, round, "party-a", "request", byId("A-1", b1) + "," + byId("A-2", b2) + ","
                + byId("A-3", b3) + "," + byId("A-4", b4) + "," + byId("A-5", b5)
                + ", {\"ref\": \"A-6\", \"surname\": \"Nikhto\", \"givenName\": \"Nemaie\", \"dateOfBirth\": \"1901\"}");
        list(negotiatorB, round, "party-b", "request", byId("B-1", a1));
        list(negotiatorA, round, "party-a", "offer", byId("O-1", a2));

        assertThat(registrarA.post(base + "/proposals", "{\"balance\": \"N_FOR_N\"}").status()).isEqualTo(403);
        assertThat(negotiatorA.post(base + "/proposals", "{\"balance\": \"FIXED\"}").status()).isEqualTo(400);
        assertThat(negotiatorA.post(base + "/proposals", "{\"balance\": \"EVEN\"}").status()).isEqualTo(400);
        Response proposed = negotiatorI.post(base + "/proposals", "{\"balance\": \"N_FOR_N\"}");
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
        JsonNode v1 = proposed.json();
        assertThat(v1.get("version").intValue()).isEqualTo(1);
        assertThat(v1.get("basedOn").isNull()).isTrue();
        assertThat(v1.get("createdBy").stringValue()).isEqualTo("negotiator@intermediary");
        JsonNode releasesB = v1.get("releases").get("party-b");
        assertThat(ids(releasesB)).containsExactly(b1, b2, b3);
        assertThat(releasesB.get(0).get("priority").intValue()).isEqualTo(1);
        assertThat(releasesB.get(0).get("reason").stringValue())
                .isEqualTo("in captivity since " + today.minusYears(3) + " (3 y 0 m), 1st of 2");
        assertThat(releasesB.get(0).get("name").stringValue()).isEqualTo("Коваленко Олександр");
        assertThat(releasesB.get(0).get("latin").stringValue()).isEqualTo("Kovalenko Oleksandr");
        assertThat(releasesB.get(0).get("source").stringValue()).isEqualTo("REQUEST");
        assertThat(releasesB.get(2).get("countedInBalance").booleanValue()).isFalse();
        assertThat(releasesB.get(2).get("priority").isNull()).isTrue();
        assertThat(releasesB.get(2).get("reason").stringValue()).startsWith("Art. 110: seriously");
        assertThat(excludedOf(v1, b4).get("reason").stringValue()).isEqualTo("verified wish not to return, " + today);
        assertThat(excludedOf(v1, b5).get("reason").stringValue()).isEqualTo("beyond the balance: 3rd of 2");
        assertThat(v1.get("excluded").toString()).contains("not found in the registry of party-b");
        JsonNode releasesA = v1.get("releases").get("party-a");
        assertThat(ids(releasesA)).containsExactly(a1, a2);
        assertThat(releasesA.get(0).get("source").stringValue()).isEqualTo("REQUEST");
        assertThat(releasesA.get(1).get("source").stringValue()).isEqualTo("OFFER");
        assertThat(v1.get("counts").get("party-b").get("released").intValue()).isEqualTo(3);
        assertThat(v1.get("counts").get("party-b").get("countedInBalance").intValue()).isEqualTo(2);
        assertThat(negotiatorB.get(base + "/exchange-list/versions/1").json()).isEqualTo(v1);

        String approvals = base + "/exchange-list/versions/1/approvals";
        Response forTheOther = negotiatorA.post(approvals, "{\"organisation\": \"party-b\"}");
        assertThat(forTheOther.status()).as("a party never approves for the other").isEqualTo(403);
        assertThat(registrarB.post(approvals, "{}").status()).isEqualTo(403);
        assertThat(negotiatorA.post(base + "/exchange-list/versions/2/approvals", "{}").status()).isEqualTo(404);
        Response approvedA = negotiatorA.post(approvals, "{}");
        assertThat(approvedA.status()).as(approvedA.body()).isEqualTo(201);
        assertThat(approvedA.json().get("role").stringValue()).isEqualTo("PARTY");
        assertThat(negotiatorA.post(approvals, "{}").status()).isEqualTo(409);
        assertThat(negotiatorA.get(base).json().get("state").stringValue()).isEqualTo("NEGOTIATING");
        assertThat(negotiatorA.get(base + "/agreement").status()).isEqualTo(409);
        assertThat(negotiatorA.download(base + "/agreement.pdf", "en").status()).isEqualTo(409);
        Response witness = negotiatorI.post(approvals, "");
        assertThat(witness.status()).as(witness.body()).isEqualTo(201);
        assertThat(witness.json().get("role").stringValue()).isEqualTo("WITNESS");
        assertThat(negotiatorA.get(base).json().get("state").stringValue()).isEqualTo("NEGOTIATING");
        Response approvedB = negotiatorB.post(approvals, "{\"organisation\": \"party-b\"}");
        assertThat(approvedB.status()).as(approvedB.body()).isEqualTo(201);
        assertThat(negotiatorA.get(base).json().get("state").stringValue()).isEqualTo("AGREED");

        JsonNode agreement = registrarI.get(base + "/agreement").json();
        assertThat(agreement.get("exchangeList")).isEqualTo(v1);
        assertThat(agreement.get("versionHash").stringValue())
                .isEqualTo(ApprovalSignature.versionHash(agreement.get("exchangeList")));
        assertThat(agreement.get("approvals")).hasSize(3);
        PublicKey key = publicKey(agreement.get("publicKey").stringValue());
        for (JsonNode a : agreement.get("approvals")) {
            ApprovalSignature.Approval approval = new ApprovalSignature.Approval(a.get("exchange").stringValue(),
                    a.get("version").intValue(), a.get("versionHash").stringValue(),
                    a.get("organisation").stringValue(), a.get("role").stringValue(),
                    a.get("approvedBy").stringValue(), Instant.parse(a.get("approvedAt").stringValue()));
            assertThat(ApprovalSignature.verify(approval, a.get("signature").stringValue(), key)).isTrue();
        }
        Checkpoint checkpoint = Checkpoint.parse(agreement.get("checkpoint").stringValue());
        assertThat(checkpoint.verify(key)).isTrue();
        assertThat(checkpoint.treeSize()).isGreaterThan(agreement.get("approvals").get(2).get("auditSeq").longValue());

        String saved = registrarI.get(base + "/agreement").body();
        AgreementVerifier.AuditLookup log = new AuditLogLookup(auditLog, auditTree);
        AgreementVerifier.Result verified = AgreementVerifier.verify(saved, null, log);
        assertThat(verified.problems()).as(verified.summary()).isEmpty();
        assertThat(AgreementVerifier.verify(saved.replace("Коваленко Олександр", "Коваленко Олексій"), null, log)
                .problems()).anySatisfy(p -> assertThat(p).contains("not the one signed"));

        String printed = pdfText(registrarI.download(base + "/agreement.pdf", "uk"));
        assertThat(printed).contains("Коваленко Олександр").contains("Kovalenko Oleksandr").contains("Алексеев Андрей")
                .contains(agreement.get("versionHash").stringValue().substring(0, 32)).contains("Угода");
        assertThat(negotiatorA.download(base + "/report.pdf", "en").status()).isEqualTo(404);

        String handover = base + "/handover";
        assertThat(registrarB.post(handover, entries(b1, "DID_NOT_APPEAR")).status()).isEqualTo(201);
        assertThat(registrarB.post(handover, entries(b1, "TRANSFERRED") + "").status()).isEqualTo(201);
        assertThat(registrarB.post(handover, entries(a1, "TRANSFERRED")).status())
                .as("a party records the persons it releases only").isEqualTo(403);
        Response stranger = registrarB.post(handover, entries(b5, "TRANSFERRED"));
        assertThat(stranger.status()).isEqualTo(400);
        assertThat(stranger.body()).contains(b5).contains("not on the agreement");
        assertThat(negotiatorB.post(handover, entries(b2, "TRANSFERRED")).status()).isEqualTo(403);
        assertThat(registrarB.post(handover, entries(b2, "DID_NOT_APPEAR")).status()).isEqualTo(201);
        Response unverified = registrarB.post(handover, entries(b3, "DECLINED"));
        assertThat(unverified.status()).isEqualTo(409);
        assertThat(unverified.body()).contains(b3);
        assertThat(registrarI.post(handover, entries(a1, "TRANSFERRED") .replace("]", ", " + entry(a2,
                "TRANSFERRED") + "]")).status()).isEqualTo(201);

        Response incomplete = negotiatorI.post(handover + "/complete", "");
        assertThat(incomplete.status()).isEqualTo(409);
        assertThat(incomplete.body()).contains(b3).doesNotContain(b1);
        verifiedNotReturning(b3);
        Response declined = registrarB.post(handover, entries(b3, "DECLINED"));
        assertThat(declined.status()).as(declined.body()).isEqualTo(201);
        assertThat(negotiatorA.post(handover + "/complete", "").status())
                .as("with an intermediary, only its negotiators complete").isEqualTo(403);
        JsonNode checklist = negotiatorA.get(handover).json();
        assertThat(checklist.get("missing").intValue()).isZero();

        Response completed = negotiatorI.post(handover + "/complete", "");
        assertThat(completed.status()).as(completed.body()).isEqualTo(200);
        assertThat(completed.json().get("state").stringValue()).isEqualTo("EXECUTED");
        assertThat(negotiatorB.get(base).json().get("state").stringValue()).isEqualTo("EXECUTED");
        assertThat(status(b1)).isEqualTo("EXCHANGED");
        assertThat(status(b2)).isEqualTo("CAPTURED");
        assertThat(status(b3)).isEqualTo("REMAINED");
        assertThat(status(a1)).isEqualTo("EXCHANGED");
        assertThat(status(a2)).isEqualTo("EXCHANGED");

        JsonNode report = negotiatorA.get(base + "/report").json();
        JsonNode sideB = report.get("sides").get("party-b");
        assertThat(sideB.get("agreed").intValue()).isEqualTo(3);
        assertThat(sideB.get("transferred").intValue()).isEqualTo(1);
        assertThat(sideB.get("didNotAppear").intValue()).isEqualTo(1);
        assertThat(sideB.get("declined").intValue()).isEqualTo(1);
        assertThat(sideB.get("seriouslyIllOrWounded").get("agreed").intValue()).isEqualTo(1);
        assertThat(sideB.get("seriouslyIllOrWounded").get("transferred").intValue()).isZero();
        assertThat(report.get("sides").get("party-a").get("transferred").intValue()).isEqualTo(2);
        assertThat(ids(report.get("didNotAppear"))).containsExactly(b2);
        assertThat(ids(report.get("declined"))).containsExactly(b3);
        assertThat(pdfText(negotiatorB.download(base + "/report.pdf", "ru"))).contains("Гнатюк Іван")
                .contains("Hnatiuk Ivan").contains("Шевчук Богдан");

        assertThat(negotiatorA.post(base + "/proposals", "{\"balance\": \"ALL_FOR_ALL\"}").status()).isEqualTo(409);
        assertThat(registrarB.post(handover, entries(b2, "TRANSFERRED")).status()).isEqualTo(409);
        assertThat(verifier.verify(Optional.empty()).problems()).isEmpty();
    }

    private static String entry(String personId, String outcome) {
        return "{\"personId\": \"" + personId + "\", \"outcome\": \"" + outcome + "\", \"note\": \"пункт пропуску\"}";
    }

    private static String entries(String personId, String outcome) {
        return "{\"entries\": [" + entry(personId, outcome) + "]}";
    }

    /** The text of a PDF answer (checked to be one): what a reader of the print sees, whatever the line breaks. */
    private static String pdfText(ApiClient.Download download) {
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.contentType()).isEqualTo("application/pdf");
        try (PDDocument document = Loader.loadPDF(download.body())) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static PublicKey publicKey(String pem) {
        try {
            String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(
                    Base64.getDecoder().decode(base64)));
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void anApprovalIsRefusedForAStaleVersionAndForPersonsNoLongerReleasable() {
        LocalDate today = LocalDate.now();
        String b1 = person("party-b", "Кравець", "Тарас", today.minusYears(2), false);
        String b2 = person("party-b", "Ткаченко", "Ігор", today.minusYears(1), false);
        String round = round(true);
        String base = "/api/v1/exchanges/" + round;
        list(negotiatorA, round, "party-a", "request", byId("R-1", b1) + "," + byId("R-2", b2));
        assertThat(negotiatorA.post(base + "/proposals", "{\"balance\": \"ALL_FOR_ALL\"}").status()).isEqualTo(201);
        Response second = negotiatorB.post(base + "/proposals", "{\"balance\": \"FIXED\", \"count\": 5}");
        assertThat(second.status()).as(second.body()).isEqualTo(201);
        assertThat(second.json().get("basedOn").intValue()).isEqualTo(1);
        assertThat(second.json().get("counts").get("party-b").get("shortBy").intValue()).isEqualTo(3);
        Response stale = negotiatorA.post(base + "/exchange-list/versions/1/approvals", "{}");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.body()).contains("not-latest-version");

        Response died = registrarB.post("/api/v1/persons/" + b2 + "/events",
                "{\"type\": \"DIED\", \"occurredOn\": \"" + today + "\"}");
        assertThat(died.status()).as(died.body()).isEqualTo(201);
        Response refused = negotiatorA.post(base + "/exchange-list/versions/2/approvals", "{}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains(b2).contains("Ткаченко").doesNotContain(b1);

        Response edited = negotiatorB.post(base + "/exchange-list/versions", """
                {"basedOn": 2, "releases": {"party-b": [{"personId": "%s"}], "party-a": []},
                 "removals": [{"personId": "%s", "reason": "DIED"}]}""".formatted(b1, b2));
        assertThat(edited.status()).as(edited.body()).isEqualTo(201);
        assertThat(excludedOf(edited.json(), b2).get("reason").stringValue()).contains("DIED");
        JsonNode diff = negotiatorA.get(base + "/exchange-list/versions/3/diff?from=2").json();
        assertThat(ids(diff.get("removed"))).containsExactly(b2);
        assertThat(diff.get("removed").get(0).get("reason").stringValue()).contains("DIED");
        Response unexplained = negotiatorB.post(base + "/exchange-list/versions", """
                {"basedOn": 3, "releases": {"party-b": [], "party-a": []}}""");
        assertThat(unexplained.status()).isEqualTo(400);
        assertThat(unexplained.body()).contains(b1);
        assertThat(negotiatorB.post(base + "/exchange-list/versions", """
                {"basedOn": 2, "releases": {"party-b": [], "party-a": []}}""").status()).isEqualTo(409);
        assertThat(negotiatorA.post(base + "/exchange-list/versions/3/approvals", "{}").status()).isEqualTo(201);
        assertThat(negotiatorB.post(base + "/exchange-list/versions/3/approvals", "{}").status()).isEqualTo(201);
        JsonNode agreed = negotiatorA.get(base).json();
        assertThat(agreed.get("state").stringValue()).isEqualTo("AGREED");

        // an amendment governs only once both approve it
        assertThat(negotiatorA.post(base + "/proposals", "{\"balance\": \"ALL_FOR_ALL\"}").status()).isEqualTo(201);
        assertThat(negotiatorA.get(base + "/agreement").json().get("exchangeList").get("version").intValue())
                .isEqualTo(3);
        assertThat(negotiatorA.post(base + "/exchange-list/versions/4/approvals", "{}").status()).isEqualTo(201);
        assertThat(negotiatorB.post(base + "/exchange-list/versions/4/approvals", "{}").status()).isEqualTo(201);
        assertThat(negotiatorA.get(base + "/agreement").json().get("exchangeList").get("version").intValue())
                .isEqualTo(4);
    }

    @Test
    void aCompletionThatFailsHalfWayLeavesEveryPersonAndTheRoundAsTheyWere() {
        LocalDate today = LocalDate.now();
        String b1 = person("party-b", "Олійник", "Роман", today.minusYears(2), false);
        String b2 = person("party-b", "Павленко", "Віктор", today.minusYears(1), false);
        String a1 = person("party-a", "Смирнов", "Дмитрий", today.minusYears(1), false);
        String round = round(false);
        String base = "/api/v1/exchanges/" + round;
        list(negotiatorA, round, "party-a", "request", byId("R-1", b1) + "," + byId("R-2", b2));
        list(negotiatorA, round, "party-a", "offer", byId("O-1", a1));
        assertThat(negotiatorB.post(base + "/proposals", "{\"balance\": \"ALL_FOR_ALL\"}").status()).isEqualTo(201);
        assertThat(negotiatorA.post(base + "/exchange-list/versions/1/approvals", "{}").status()).isEqualTo(201);
        assertThat(negotiatorB.post(base + "/exchange-list/versions/1/approvals", "{}").status()).isEqualTo(201);
        assertThat(registrarB.post(base + "/handover", "{\"entries\": [" + entry(b1, "TRANSFERRED") + ", "
                + entry(b2, "TRANSFERRED") + "]}").status()).isEqualTo(201);
        assertThat(registrarA.post(base + "/handover", entries(a1, "TRANSFERRED")).status()).isEqualTo(201);
        // meanwhile one of them is recorded as escaped: the completion cannot make him EXCHANGED
        assertThat(registrarB.post("/api/v1/persons/" + b2 + "/events",
                "{\"type\": \"ESCAPED\", \"occurredOn\": \"" + today + "\"}").status()).isEqualTo(201);
        long events = jdbc.sql("select count(*) from person_event").query(Long.class).single();
        long entries = jdbc.sql("select count(*) from audit_entry").query(Long.class).single();

        Response first = negotiatorA.post(base + "/handover/complete", "");
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("state").stringValue()).as("one party asked; the other has not").isEqualTo("AGREED");
        long afterRequest = jdbc.sql("select count(*) from audit_entry").query(Long.class).single();
        Response failed = negotiatorB.post(base + "/handover/complete", "");
        assertThat(failed.status()).isEqualTo(409);
        assertThat(failed.body()).contains(b2).contains("ESCAPED");
        assertThat(negotiatorA.get(base).json().get("state").stringValue()).isEqualTo("AGREED");
        assertThat(status(b1)).isEqualTo("CAPTURED");
        assertThat(status(a1)).isEqualTo("CAPTURED");
        assertThat(jdbc.sql("select count(*) from person_event").query(Long.class).single()).isEqualTo(events);
        assertThat(jdbc.sql("select count(*) from audit_entry").query(Long.class).single()).isEqualTo(afterRequest);
        assertThat(afterRequest).isEqualTo(entries + 1);
        assertThat(negotiatorA.get(base + "/report").status()).isEqualTo(404);
        assertThat(registrarI.get(base).status()).as("a round without intermediary is not its business")
                .isEqualTo(404);

        assertThat(registrarB.post(base + "/handover", entries(b2, "DID_NOT_APPEAR")).status()).isEqualTo(201);
        Response completed = negotiatorB.post(base + "/handover/complete", "");
        assertThat(completed.status()).as(completed.body()).isEqualTo(200);
        assertThat(completed.json().get("state").stringValue()).isEqualTo("EXECUTED");
        assertThat(status(b1)).isEqualTo("EXCHANGED");
        assertThat(status(b2)).isEqualTo("ESCAPED");
        assertThat(verifier.verify(Optional.empty()).problems()).isEmpty();
    }
}
