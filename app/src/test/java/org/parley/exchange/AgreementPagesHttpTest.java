package org.parley.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.parley.ApiClient;
import org.parley.ParleyTest;
import org.parley.TestCallers;
import org.parley.access.UserService;
import org.parley.api.Caller;
import org.parley.registry.Category;
import org.parley.registry.EventInput;
import org.parley.registry.EventType;
import org.parley.registry.PartialDate;
import org.parley.registry.Person;
import org.parley.registry.PersonField;
import org.parley.registry.PersonInput;
import org.parley.registry.RankGroup;
import org.parley.registry.RegistryService;
import org.parley.registry.Status;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The pages of the exchange list, the approvals, the agreement, the handover and the report over plain HTTP: every
 * page for the participants in English, Ukrainian and Russian; not found for those who take no part; the forms
 * (proposal, approval, handover outcomes, completion) with the session's CSRF token, refused (403) to roles that
 * may not use them, and their refusals (409) named in words; the agreement's JSON download the same as the API's.
 */
@ParleyTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AgreementPagesHttpTest {

    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern INLINE_STYLE = Pattern.compile("<style|\\sstyle\\s*=", Pattern.CASE_INSENSITIVE);
    private static final Pattern INLINE_HANDLER = Pattern.compile("<[^>]*\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    RegistryService registry;
    @Autowired
    ExchangeService exchanges;
    @Autowired
    ListService lists;
    @Autowired
    ExchangeListService exchangeLists;
    @Autowired
    AgreementService agreements;
    @Autowired
    HandoverService handovers;
    @Autowired
    org.parley.audit.AuditVerifier verifier;

    /** Negotiating: versions 1 (N for N) and 2 (all for all) of the exchange list. */
    private String negotiating;
    /** Executed, with its report. */
    private String executed;
    /** A round party-b opened with party-a alone. */
    private String withoutIntermediary;
    private int serial;

    private Caller caller(String username) {
        return TestCallers.of(users, username);
    }

    /** A person {@code holder} holds, a national of the other party, notified, captured {@code years} ago. */
    private String held(String holder, String surname, String given, int years, boolean seriouslyIll) {
        Caller registrar = caller("registrar@" + holder);
        serial++;
        Map<PersonField, Object> facts = new EnumMap<>(PersonField.class);
        facts.put(PersonField.SURNAME, surname);
        facts.put(PersonField.GIVEN_NAME, given);
        facts.put(PersonField.DATE_OF_BIRTH, PartialDate.parse("199" + (serial % 10) + "-0" + (1 + serial % 9)
                + "-1" + (serial % 10)));
        facts.put(PersonField.HOLDING_PARTY, holder);
        facts.put(PersonField.POWER_OF_ORIGIN, holder.equals("party-a") ? "party-b" : "party-a");
        facts.put(PersonField.CAPTURE_DATE, LocalDate.now().minusYears(years).minusDays(serial));
        facts.put(PersonField.CATEGORY, Category.ARMED_FORCES);
        facts.put(PersonField.RANK_GROUP, serial % 2 == 0 ? RankGroup.ENLISTED : RankGroup.NCO);
        facts.put(PersonField.SERVICE_NUMBER, "SN-" + serial);
        facts.put(PersonField.PRISONER_NUMBER, "PN-" + serial);
        if (seriouslyIll) {
            facts.put(PersonField.SERIOUSLY_ILL_OR_WOUNDED, true);
        }
        Person created = registry.create(registrar, new PersonInput(facts, Map.of()));
        registry.addEvent(registrar, created.id(), new EventInput(EventType.NOTIFIED, LocalDate.now().minusDays(30),
                null, null, null));
        return created.publicId();
    }

    private static EntryInput offer(String personId) {
        return new EntryInput(null, personId, null, null, null, null, null, null, null, null, null);
    }

    /** A round with party-a offering {@code a} and party-b offering {@code b}, through the intermediary or not. */
    private String round(String title, boolean intermediary, List<String> a, List<String> b) {
        String id = exchanges.open(caller("negotiator@party-a"), "party-b", intermediary ? "intermediary" : null,
                title).publicId();
        lists.submit(caller("negotiator@party-a"), id, "party-a", ListKind.OFFER, 0,
                a.stream().map(AgreementPagesHttpTest::offer).toList(), List.of());
        lists.submit(caller("negotiator@party-b"), id, "party-b", ListKind.OFFER, 0,
                b.stream().map(AgreementPagesHttpTest::offer).toList(), List.of());
        return id;
    }

    @BeforeAll
    void setUp() {
        negotiating = round("Список сторінок", true, List.of(held("party-a", "Гречаний", "Остап", 4, false),
                held("party-a", "Вербицький", "Лесь", 3, false), held("party-a", "Ясеневий", "Корній", 2, false),
                held("party-a", "Калиновий", "Марко", 1, true)),
                List.of(held("party-b", "Берёзкин", "Фрол", 4, false), held("party-b", "Осинов", "Савва", 3, false)));
        exchangeLists.propose(caller("negotiator@party-a"), negotiating, Proposal.Balance.N_FOR_N, null);
        exchangeLists.propose(caller("negotiator@intermediary"), negotiating, Proposal.Balance.ALL_FOR_ALL, null);

        executed = round("Виконаний раунд", true, List.of(held("party-a", "Дубовий", "Яким", 3, false)),
                List.of(held("party-b", "Липов", "Ерофей", 3, false)));
        exchangeLists.propose(caller("negotiator@party-b"), executed, Proposal.Balance.N_FOR_N, null);
        agreements.approve(caller("negotiator@party-a"), executed, 1, null);
        agreements.approve(caller("negotiator@party-b"), executed, 1, null);
        handovers.record(caller("negotiator@intermediary"), executed, handovers.checklist(
                caller("negotiator@intermediary"), executed).lines().stream().map(l -> new HandoverService.EntryInput(
                        l.item().personId(), HandoverOutcome.TRANSFERRED, null)).toList());
        assertThat(handovers.complete(caller("negotiator@intermediary"), executed).executed()).isTrue();

        withoutIntermediary = exchanges.open(caller("negotiator@party-b"), "party-a", null, "Без посередника II")
                .publicId();
    }

    private static void assertReadableHtml(HttpResponse<String> response, String path) {
        assertThat(response.headers().firstValue("Content-Type").orElse("")).as(path).startsWith("text/html");
        assertThat(response.body()).as(path).doesNotContain("Exception").doesNotContain("at org.")
                .doesNotContain("Whitelabel").doesNotContain("??");
        assertThat(INLINE_SCRIPT.matcher(response.body()).find()).as("inline script in " + path).isFalse();
        assertThat(INLINE_STYLE.matcher(response.body()).find()).as("inline style in " + path).isFalse();
        assertThat(INLINE_HANDLER.matcher(response.body()).find()).as("inline handler in " + path).isFalse();
    }

    private static void expectForbidden(HttpResponse<String> response, String user) {
        assertThat(response.statusCode()).as(user + " " + response.uri()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(response.body()).contains("Not allowed");
    }

    private List<String> pages() {
        String n = "/exchanges/" + negotiating;
        String x = "/exchanges/" + executed;
        return List.of(n, n + "/exchange-list", n + "/exchange-list/versions/1", n + "/exchange-list/versions/2",
                n + "/exchange-list/versions/2/diff?from=1", n + "/exchange-list/versions/1/diff", x,
                x + "/exchange-list", x + "/exchange-list/versions/1", x + "/agreement", x + "/handover",
                x + "/handover?side=party-b", x + "/report");
    }

    @Test
    void everyPageRendersForTheParticipantsInEveryLanguage() {
        Map<String, String> words = Map.of("en", "Exchange round", "uk", "Раунд обміну", "ru", "Раунд обмена");
        for (String user : List.of("negotiator@party-a", "registrar@party-b", "viewer@intermediary")) {
            PageSession session = PageSession.of(port, user);
            for (String language : List.of("en", "uk", "ru")) {
                for (String path : pages()) {
                    String url = path + (path.contains("?") ? "&" : "?") + "lang=" + language;
                    HttpResponse<String> page = session.get(url);
                    assertThat(page.statusCode()).as(user + " " + url).isEqualTo(200);
                    assertReadableHtml(page, url);
                    assertThat(page.body()).as(url).contains("<html lang=\"" + language + "\"")
                            .contains(words.get(language));
                }
            }
        }
    }

    @Test
    void aVersionShowsBothSidesWithTheirReasonsWhoIsLeftOutAndTheBalance() {
        ExchangeListDocument first = exchangeLists.version(caller("viewer@intermediary"), negotiating, 1);
        ExchangeListDocument.Item oldest = first.releases().get("party-a").get(0);
        String page = PageSession.of(port, "viewer@intermediary").get("/exchanges/" + negotiating
                + "/exchange-list/versions/1").body();
        assertThat(page).contains("<bdi>Гречаний Остап</bdi>").contains("<bdi>" + oldest.identity().latin() + "</bdi>")
                .contains("<bdi>Берёзкин Фрол</bdi>").contains("<bdi>Калиновий Марко</bdi>")
                .contains("<bdi>" + oldest.reason() + "</bdi>").contains("1st of 2")
                .contains("Art. 110: seriously ill or wounded — outside the balance")
                .contains("beyond the balance: 3rd of 2").contains("Beyond the balance")
                .contains("Party A releases 3 (2 counted in the balance); Party B releases 2 (2 counted).")
                .contains("Offered by the holder").contains("Awaiting approval").contains("id=\"not-latest\"")
                .doesNotContain("id=\"approve-form\"");
        assertThat(page.replaceAll("\\s+", " ")).contains("<td class=\"number released\">3</td>")
                .contains("<td class=\"number outside\">1</td>").contains("<td class=\"number excluded\">1</td>");

        String latest = "/exchanges/" + negotiating + "/exchange-list/versions/2";
        assertThat(PageSession.of(port, "negotiator@party-a").get(latest).body()).contains("id=\"approve-form\"")
                .contains("Approve version 2 for Party A").doesNotContain("id=\"not-latest\"");
        assertThat(PageSession.of(port, "negotiator@intermediary").get(latest).body())
                .contains("Witness version 2 for Intermediary");
        for (String user : List.of("viewer@party-a", "registrar@party-b", "viewer@intermediary")) {
            assertThat(PageSession.of(port, user).get(latest).body()).as(user).doesNotContain("approve-form");
        }

        String diff = PageSession.of(port, "viewer@party-b").get(latest + "/diff?from=1").body();
        assertThat(diff).contains("1 added, 0 dropped, 2 changed").contains(">Ясеневий Корній</bdi>")
                .contains("<bdi>Yasenevyi Kornii</bdi>");
        String list = PageSession.of(port, "viewer@party-b").get("/exchanges/" + negotiating + "/exchange-list")
                .body();
        assertThat(list).contains("data-version=\"2\"").contains("data-version=\"1\"")
                .doesNotContain("id=\"propose-form\"");
        assertThat(PageSession.of(port, "negotiator@intermediary").get("/exchanges/" + negotiating
                + "/exchange-list").body()).contains("id=\"propose-form\"");
    }

    @Test
    void negotiatorsOfThePartiesAndTheIntermediaryPropose() {
        String id = round("Пропозиції", true, List.of(held("party-a", "Явір", "Тиміш", 2, false)),
                List.of(held("party-b", "Клёнов", "Пимен", 2, false)));
        String propose = "/exchanges/" + id + "/exchange-list/propose";
        for (String user : List.of("viewer@party-a", "registrar@party-a", "viewer@intermediary",
                "registrar@intermediary")) {
            expectForbidden(PageSession.of(port, user).post(propose, Map.of("balance", "N_FOR_N")), user);
        }
        PageSession intermediary = PageSession.of(port, "negotiator@intermediary");
        HttpResponse<String> noCount = intermediary.post(propose, Map.of("balance", "FIXED", "count", ""));
        assertThat(noCount.statusCode()).isEqualTo(400);
        assertReadableHtml(noCount, "no count");
        assertThat(noCount.body()).contains("Persons each way: is required for a fixed balance")
                .contains("value=\"FIXED\" checked=\"checked\"");
        assertThat(intermediary.post(propose, Map.of("balance", "SOME")).statusCode()).isEqualTo(400);
        assertThat(exchangeLists.versions(caller("viewer@party-a"), id)).isEmpty();

        HttpResponse<String> proposed = intermediary.post(propose, Map.of("balance", "FIXED", "count", "1"));
        assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(302);
        assertThat(PageSession.location(proposed)).isEqualTo("/exchanges/" + id + "/exchange-list/versions/1");
        assertThat(intermediary.get(PageSession.location(proposed)).body())
                .contains("Version 1 of the exchange list is proposed.").contains("Proposal: 1 each way.")
                .contains("<bdi>Явір Тиміш</bdi>");
        assertThat(PageSession.of(port, "negotiator@party-b").post(propose, Map.of("balance", "ALL_FOR_ALL"))
                .statusCode()).isEqualTo(302);
        assertThat(exchangeLists.versions(caller("viewer@party-a"), id)).hasSize(2);
    }

    @Test
    void bothPartiesApproveTheRoundIsAgreedAndRefusalsNameThePersons() {
        String dying = held("party-b", "Тополев", "Игнат", 3, false);
        String id = round("Схвалення", true, List.of(held("party-a", "Ліщина", "Данило", 3, false),
                held("party-a", "Бузина", "Панас", 2, false)), List.of(dying, held("party-b", "Ольхов", "Лука", 2,
                        false)));
        exchangeLists.propose(caller("negotiator@party-a"), id, Proposal.Balance.N_FOR_N, null);
        Caller registrarB = caller("registrar@party-b");
        registry.addEvent(registrarB, registry.get(registrarB, dying).id(), new EventInput(EventType.DIED,
                LocalDate.now(), null, null, null));
        String version1 = "/exchanges/" + id + "/exchange-list/versions/1";
        PageSession a = PageSession.of(port, "negotiator@party-a");
        a.get(version1);
        HttpResponse<String> refused = a.post(version1 + "/approve", Map.of());
        assertThat(refused.statusCode()).isEqualTo(409);
        assertReadableHtml(refused, "refused approval");
        assertThat(refused.body()).contains("Version 1 cannot be approved: 1 of its persons cannot be released now.")
                .contains("<bdi>Тополев Игнат</bdi>").contains("no longer in custody: Died")
                .contains("data-person=\"" + dying + "\"");
        assertThat(agreements.approvals(caller("viewer@party-a"), id)).isEmpty();

        exchangeLists.propose(caller("negotiator@party-b"), id, Proposal.Balance.N_FOR_N, null);
        HttpResponse<String> stale = a.post(version1 + "/approve", Map.of());
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("Version 1 is no longer the latest version of the exchange list (2 is)");

        String version2 = "/exchanges/" + id + "/exchange-list/versions/2";
        for (String user : List.of("registrar@party-a", "viewer@party-b", "auditor@party-b")) {
            expectForbidden(PageSession.of(port, user).post(version2 + "/approve", Map.of()), user);
        }
        HttpResponse<String> approved = a.post(version2 + "/approve", Map.of());
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(302);
        assertThat(PageSession.location(approved)).isEqualTo(version2);
        String afterA = a.get(version2).body();
        assertThat(afterA).contains("Version 2 is approved for Party A.")
                .contains("Approved for Party A by negotiator@party-a").contains("Awaiting approval")
                .doesNotContain("id=\"approve-form\"");
        assertThat(a.post(version2 + "/approve", Map.of()).body())
                .contains("Your organisation has already approved version 2.");
        assertThat(exchanges.round(caller("viewer@party-a"), id).state()).isEqualTo(RoundState.NEGOTIATING);

        PageSession b = PageSession.of(port, "negotiator@party-b");
        HttpResponse<String> agreed = b.post(version2 + "/approve", Map.of());
        assertThat(agreed.statusCode()).isEqualTo(302);
        assertThat(b.get(version2).body()).contains("both parties have approved it, the round is agreed")
                .contains("Agreed");
        assertThat(exchanges.round(caller("viewer@party-a"), id).state()).isEqualTo(RoundState.AGREED);
        PageSession witness = PageSession.of(port, "negotiator@intermediary");
        assertThat(witness.post(version2 + "/approve", Map.of()).statusCode()).isEqualTo(302);
        assertThat(witness.get(version2).body()).contains("Version 2 is witnessed for Intermediary.");

        String round = PageSession.of(port, "viewer@intermediary").get("/exchanges/" + id).body();
        assertThat(round).contains("id=\"agreement-panel\"").contains("Agreed on version 2 at")
                .contains("/exchanges/" + id + "/agreement").contains("/exchanges/" + id + "/handover")
                .doesNotContain("id=\"report-link\"").contains("Party A approved version 2 of the exchange list")
                .contains("Intermediary witnessed version 2");
    }

    @Test
    void theAgreementPageAndItsDownloadAreTheAgreementDocument() {
        String path = "/exchanges/" + executed + "/agreement";
        PageSession session = PageSession.of(port, "viewer@party-b");
        String page = session.get(path).body();
        ExchangeListDocument agreed = exchangeLists.version(caller("viewer@party-b"), executed, 1);
        ExchangeListDocument.Item a = agreed.releases().get("party-a").get(0);
        assertThat(page).contains("<bdi>Дубовий Яким</bdi>").contains("<bdi>" + a.identity().latin() + "</bdi>")
                .contains("<bdi>Липов Ерофей</bdi>").contains("<bdi>" + a.identity().serviceNumber() + "</bdi>")
                .contains("<bdi>" + a.identity().prisonerNumber() + "</bdi>").contains("BEGIN PUBLIC KEY")
                .contains("id=\"signed-party-a\"").contains("id=\"signed-party-b\"")
                .contains("href=\"" + path + ".json\"").contains("href=\"" + path + ".pdf\"");
        HttpResponse<String> print = session.get(path + ".pdf");
        assertThat(print.statusCode()).isEqualTo(200);
        assertThat(print.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/pdf");
        assertThat(print.body()).startsWith("%PDF-");
        HttpResponse<String> report = session.get("/exchanges/" + executed + "/report.pdf");
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/pdf");

        HttpResponse<String> download = session.get(path + ".json");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(download.headers().firstValue("Content-Disposition").orElse(""))
                .startsWith("attachment").contains("agreement-" + executed + "-v1.json");
        JsonNode file = JsonMapper.builder().build().readTree(download.body());
        ApiClient.Response api = new ApiClient(port).as("viewer@party-b").get("/api/v1/exchanges/" + executed
                + "/agreement");
        assertThat(api.status()).isEqualTo(200);
        assertThat(file).isEqualTo(api.json());
        assertThat(file.get("versionHash").asString()).isNotEmpty();
        assertThat(page).contains(file.get("versionHash").asString())
                .contains(file.get("approvals").get(0).get("signature").asString());

        HttpResponse<String> none = session.get("/exchanges/" + negotiating + "/agreement");
        assertThat(none.statusCode()).isEqualTo(409);
        assertReadableHtml(none, "no agreement");
        assertThat(none.body()).contains("No agreement yet").contains("The round is Negotiating");
        HttpResponse<String> noFile = session.get("/exchanges/" + negotiating + "/agreement.json");
        assertThat(noFile.statusCode()).isEqualTo(303);
        assertThat(PageSession.location(noFile)).isEqualTo("/exchanges/" + negotiating + "/agreement");
        assertThat(session.get("/exchanges/" + negotiating + "/agreement.pdf").statusCode()).isEqualTo(303);
        assertThat(session.get("/exchanges/" + negotiating + "/report.pdf").statusCode()).isEqualTo(303);
        assertThat(session.get("/exchanges/" + negotiating + "/handover").statusCode()).isEqualTo(409);
        HttpResponse<String> noReport = session.get("/exchanges/" + negotiating + "/report");
        assertThat(noReport.statusCode()).isEqualTo(404);
        assertThat(noReport.body()).contains("No report yet");
    }

    @Test
    void registrarsAndTheIntermediaryRecordTheHandoverAndTheIntermediaryCompletesIt() {
        String a1 = held("party-a", "Грабовий", "Назар", 4, false);
        String a2 = held("party-a", "Кленовий", "Семен", 3, false);
        String a3 = held("party-a", "Горіховий", "Юхим", 2, true);
        String b1 = held("party-b", "Вязов", "Трофим", 4, false);
        String b2 = held("party-b", "Рябинин", "Архип", 3, false);
        String id = round("Передача", true, List.of(a1, a2, a3), List.of(b1, b2));
        exchangeLists.propose(caller("negotiator@party-a"), id, Proposal.Balance.N_FOR_N, null);
        agreements.approve(caller("negotiator@party-a"), id, 1, null);
        agreements.approve(caller("negotiator@party-b"), id, 1, null);
        String handover = "/exchanges/" + id + "/handover";

        PageSession registrarA = PageSession.of(port, "registrar@party-a");
        String checklist = registrarA.get(handover).body();
        assertThat(checklist).contains("name=\"outcome." + a1 + "\"").doesNotContain("name=\"outcome." + b1 + "\"")
                .contains("id=\"record-submit\"").doesNotContain("id=\"complete-form\"")
                .contains("<bdi>Грабовий Назар</bdi>").contains("<bdi>Вязов Трофим</bdi>").contains("PN-")
                .contains("No outcome yet");
        for (String user : List.of("viewer@party-a", "negotiator@party-a", "auditor@intermediary")) {
            PageSession session = PageSession.of(port, user);
            assertThat(session.get(handover).body()).doesNotContain("id=\"record-submit\"");
            expectForbidden(session.post(handover, Map.of("outcome." + a1, "TRANSFERRED")), user);
        }
        expectForbidden(registrarA.post(handover, Map.of("outcome." + b1, "TRANSFERRED")), "registrar@party-a");
        HttpResponse<String> nothing = registrarA.post(handover, Map.of("outcome." + a1, ""));
        assertThat(nothing.statusCode()).isEqualTo(400);
        assertThat(nothing.body()).contains("Nothing was recorded");

        Map<String, String> form = new LinkedHashMap<>();
        form.put("outcome." + a1, "TRANSFERRED");
        form.put("outcome." + a2, "DID_NOT_APPEAR");
        form.put("note." + a2, "У шпиталі");
        HttpResponse<String> recorded = registrarA.post(handover, form);
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(302);
        String after = registrarA.get(PageSession.location(recorded)).body();
        assertThat(after).contains("2 outcomes are recorded.").contains("data-outcome=\"transferred\"")
                .contains("data-outcome=\"did-not-appear\"").contains("<bdi>У шпиталі</bdi>")
                .contains("by registrar@party-a at");

        HttpResponse<String> declined = registrarA.post(handover, Map.of("outcome." + a3, "DECLINED"));
        assertThat(declined.statusCode()).isEqualTo(409);
        assertReadableHtml(declined, "declined");
        assertThat(declined.body()).contains("“Declined” needs a statement not to return")
                .contains("<bdi>Горіховий Юхим</bdi>").contains("value=\"DECLINED\" checked=\"checked\"");

        PageSession intermediary = PageSession.of(port, "negotiator@intermediary");
        assertThat(intermediary.get(handover).body()).contains("id=\"complete-form\"")
                .contains("name=\"outcome." + b1 + "\"").contains("name=\"outcome." + a3 + "\"");
        expectForbidden(PageSession.of(port, "negotiator@party-a").post(handover + "/complete", Map.of()),
                "negotiator@party-a");
        HttpResponse<String> incomplete = intermediary.post(handover + "/complete", Map.of());
        assertThat(incomplete.statusCode()).isEqualTo(409);
        assertThat(incomplete.body()).contains("3 persons of the agreement have no outcome yet")
                .contains("<bdi>Горіховий Юхим</bdi>").contains("<bdi>Вязов Трофим</bdi>")
                .contains("<bdi>Рябинин Архип</bdi>");
        assertThat(exchanges.round(caller("viewer@party-a"), id).state()).isEqualTo(RoundState.AGREED);

        // the intermediary interviews the seriously wounded person, who declines to go home
        ApiClient interviewer = new ApiClient(port).as("interviewer@intermediary");
        ApiClient.Response statement = interviewer.post("/api/v1/persons/" + a3 + "/statements", """
                {"wish": "NOT_RETURN", "method": "PRIVATE_INTERVIEW", "takenOn": "%s"}""".formatted(LocalDate.now()));
        assertThat(statement.status()).as(statement.body()).isEqualTo(201);
        Map<String, String> rest = new LinkedHashMap<>();
        rest.put("outcome." + a3, "DECLINED");
        rest.put("note." + a3, "Відмовився на місці передачі");
        rest.put("outcome." + b1, "TRANSFERRED");
        rest.put("outcome." + b2, "TRANSFERRED");
        HttpResponse<String> byIntermediary = intermediary.post(handover, rest);
        assertThat(byIntermediary.statusCode()).as(byIntermediary.body()).isEqualTo(302);

        HttpResponse<String> completed = intermediary.post(handover + "/complete", Map.of());
        assertThat(completed.statusCode()).as(completed.body()).isEqualTo(302);
        assertThat(PageSession.location(completed)).isEqualTo("/exchanges/" + id + "/report");
        String report = intermediary.get(PageSession.location(completed)).body();
        assertThat(report).contains("The handover is completed: the round is executed.")
                .contains("id=\"chart-sides\"").contains("id=\"chart-art110\"")
                .contains("id=\"chart-party-a-category\"").contains("id=\"chart-party-b-rankGroup\"")
                .contains("Did not appear (1)").contains(">Кленовий Семен</bdi>").contains("<bdi>У шпиталі</bdi>")
                .contains("Declined (1)").contains(">Горіховий Юхим</bdi>")
                .contains("<bdi>Horikhovyi Yukhym</bdi>").contains("Armed forces (Art. 4 A 1) · Agreed");
        String figures = report.replaceAll("\\s+", " ");
        assertThat(figures).contains("<tr id=\"figures-party-a\"> <th scope=\"row\">Party A</th> "
                + "<td class=\"number agreed\">3</td> <td class=\"number transferred\">1</td> "
                + "<td class=\"number did-not-appear\">1</td> <td class=\"number declined\">1</td> "
                + "<td class=\"number\">1</td> <td class=\"number\">0</td>");
        assertThat(registry.get(caller("registrar@party-a"), a1).status()).isEqualTo(Status.EXCHANGED);
        assertThat(registry.get(caller("registrar@party-a"), a2).status()).isEqualTo(Status.CAPTURED);
        assertThat(registry.get(caller("registrar@party-a"), a3).status()).isEqualTo(Status.REMAINED);
        assertThat(registry.get(caller("registrar@party-b"), b1).status()).isEqualTo(Status.EXCHANGED);
        assertThat(registry.get(caller("registrar@party-a"), a1).status()).isEqualTo(Status.EXCHANGED);

        String done = registrarA.get(handover).body();
        assertThat(done).doesNotContain("id=\"record-submit\"").doesNotContain("id=\"complete-form\"")
                .contains("id=\"report-link\"");
        expectForbidden(PageSession.of(port, "viewer@party-b").post(handover + "/complete", Map.of()),
                "viewer@party-b");
        assertThat(intermediary.post(handover, Map.of("outcome." + b1, "DID_NOT_APPEAR")).statusCode())
                .isEqualTo(409);
        assertThat(PageSession.of(port, "viewer@party-a").get("/exchanges/" + id).body())
                .contains("id=\"report-link\"").contains("Handover completed: the round is executed.");
        assertThat(verifier.verify(java.util.Optional.empty()).problems())
                .as("versions, approvals, outcomes, completion and report as the audit log recomputes them").isEmpty();
    }

    @Test
    void withoutAnIntermediaryBothPartiesNegotiatorsComplete() {
        String a = held("party-a", "Вільховий", "Орест", 2, false);
        String b = held("party-b", "Сосновский", "Влас", 2, false);
        String id = round("Без посередника III", false, List.of(a), List.of(b));
        exchangeLists.propose(caller("negotiator@party-b"), id, Proposal.Balance.N_FOR_N, null);
        agreements.approve(caller("negotiator@party-a"), id, 1, null);
        agreements.approve(caller("negotiator@party-b"), id, 1, null);
        String handover = "/exchanges/" + id + "/handover";
        assertThat(PageSession.of(port, "registrar@party-a").post(handover, Map.of("outcome." + a, "TRANSFERRED"))
                .statusCode()).isEqualTo(302);
        assertThat(PageSession.of(port, "registrar@party-b").post(handover, Map.of("outcome." + b, "TRANSFERRED"))
                .statusCode()).isEqualTo(302);
        PageSession negotiatorA = PageSession.of(port, "negotiator@party-a");
        HttpResponse<String> asked = negotiatorA.post(handover + "/complete", Map.of());
        assertThat(asked.statusCode()).isEqualTo(302);
        assertThat(PageSession.location(asked)).isEqualTo(handover);
        assertThat(negotiatorA.get(handover).body()).contains("Party A has asked to complete the handover.")
                .contains("Asked to complete: Party A").contains("Waiting for: Party B");
        HttpResponse<String> completed = PageSession.of(port, "negotiator@party-b").post(handover + "/complete",
                Map.of());
        assertThat(PageSession.location(completed)).isEqualTo("/exchanges/" + id + "/report");
        assertThat(exchanges.round(caller("viewer@party-a"), id).state()).isEqualTo(RoundState.EXECUTED);
    }

    @Test
    void aRoundOfOthersIsNotFoundAndAdministratorsReadNone() {
        PageSession intermediary = PageSession.of(port, "viewer@intermediary");
        String base = "/exchanges/" + withoutIntermediary;
        for (String path : List.of(base + "/exchange-list", base + "/exchange-list/versions/1", base + "/agreement",
                base + "/agreement.json", base + "/agreement.pdf", base + "/handover", base + "/report",
                base + "/report.pdf",
                "/exchanges/" + negotiating + "/exchange-list/versions/9",
                "/exchanges/" + negotiating + "/exchange-list/versions/abc",
                "/exchanges/" + negotiating + "/exchange-list/versions/2/diff?from=7",
                "/exchanges/abc/agreement.json")) {
            HttpResponse<String> page = intermediary.get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(404);
            assertReadableHtml(page, path);
            assertThat(page.body()).doesNotContain("Без посередника II");
        }
        expectNotFound(intermediary.post(base + "/exchange-list/propose", Map.of("balance", "N_FOR_N")));
        for (String admin : List.of("admin", "admin@party-a")) {
            PageSession session = PageSession.of(port, admin);
            List<String> paths = new java.util.ArrayList<>(pages());
            paths.add("/exchanges/" + executed + "/agreement.json");
            paths.add("/exchanges/" + executed + "/agreement.pdf");
            paths.add("/exchanges/" + executed + "/report.pdf");
            for (String path : paths) {
                HttpResponse<String> page = session.get(path);
                assertThat(page.statusCode()).as(admin + " " + path).isEqualTo(403);
                assertThat(page.headers().firstValue("Content-Type").orElse("")).as(path).startsWith("text/html");
                assertThat(page.body()).doesNotContain("Виконаний раунд").doesNotContain("Дубовий");
            }
        }
    }

    private static void expectNotFound(HttpResponse<String> response) {
        assertThat(response.statusCode()).as("a round of others is not found, also for a form").isEqualTo(404);
    }
}
