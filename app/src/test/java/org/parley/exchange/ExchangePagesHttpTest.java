package org.parley.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.parley.ParleyTest;
import org.parley.TestCallers;
import org.parley.access.UserService;
import org.parley.api.Caller;
import org.parley.registry.EventInput;
import org.parley.registry.EventType;
import org.parley.registry.PartialDate;
import org.parley.registry.Person;
import org.parley.registry.PersonField;
import org.parley.registry.PersonInput;
import org.parley.registry.RegistryService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The exchange pages over plain HTTP: every page for the participants in English, Ukrainian and Russian; the
 * not-found page for those who take no part; the forms refused (403) to those whose role does not allow them; the
 * list editor's paste with a bad row (its line shown, nothing stored), a file too large, and a version submitted
 * meanwhile; and what the requesting party may not see.
 */
@ParleyTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExchangePagesHttpTest {

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

    /** A round of party-a and party-b with the intermediary: two versions of party-a's request. */
    private String round;
    /** A round party-b opened with party-a alone: the intermediary takes no part. */
    private String withoutIntermediary;
    private String found;
    private String twinOne;
    private String twinTwo;

    private Caller caller(String username) {
        return TestCallers.of(users, username);
    }

    /** A person party-b holds, a national of party-a, notified. */
    private String heldByB(String surname, String given, String born) {
        Caller registrar = caller("registrar@party-b");
        Map<PersonField, Object> facts = new EnumMap<>(PersonField.class);
        facts.put(PersonField.SURNAME, surname);
        facts.put(PersonField.GIVEN_NAME, given);
        facts.put(PersonField.DATE_OF_BIRTH, PartialDate.parse(born));
        facts.put(PersonField.HOLDING_PARTY, "party-b");
        facts.put(PersonField.POWER_OF_ORIGIN, "party-a");
        facts.put(PersonField.CAPTURE_DATE, LocalDate.now().minusYears(2));
        Person created = registry.create(registrar, new PersonInput(facts, Map.of()));
        registry.addEvent(registrar, created.id(), new EventInput(EventType.NOTIFIED, LocalDate.now().minusYears(1),
                null, null, null));
        return created.publicId();
    }

    private static EntryInput entry(String ref, String surname, String given, String born) {
        return new EntryInput(ref, null, surname, given, null, null, PartialDate.parse(born), null, null, null, null);
    }

    @BeforeAll
    void setUp() {
        found = heldByB("Перепелиця", "Ярослав", "1987-05-21");
        twinOne = heldByB("Близнюк", "Остап", "1992-08-08");
        twinTwo = heldByB("Близнюк", "Остап", "1992-08-08");
        Caller a = caller("negotiator@party-a");
        round = exchanges.open(a, "party-b", "intermediary", "Раунд сторінок").publicId();
        lists.submit(a, round, "party-a", ListKind.REQUEST, 0, List.of(
                entry("P-1", "Перепелиця", "Ярослав", "1987-05-21"),
                entry("P-2", "Близнюк", "Остап", "1992-08-08"),
                entry("P-3", "Незнайомий", "Никто", "1960")), List.of());
        lists.submit(a, round, "party-a", ListKind.REQUEST, 1, List.of(
                entry("P-1", "Перепелиця", "Ярослав", "1987-05-21"),
                entry("P-2", "Близнюк", "Остап", "1992-08-08")),
                List.of(new Removal("P-3", RemovalReason.FOUND_ELSEWHERE, "Знайдено в іншому списку")));
        withoutIntermediary = exchanges.open(caller("negotiator@party-b"), "party-a", null, "Без посередника")
                .publicId();
    }

    private String versions() {
        return "/exchanges/" + round + "/lists/party-a/request/versions";
    }

    private List<String> pages(String id) {
        String base = "/exchanges/" + id;
        return List.of(base, base + "/lists/party-a/request/versions/1", base + "/lists/party-a/request/versions/2",
                base + "/lists/party-a/request/versions/2/diff?from=1",
                base + "/lists/party-a/request/versions/2/reconciliation",
                base + "/left-off?party=party-a&kind=request", base + "/left-off?party=party-b&kind=offer");
    }

    private static void assertReadableHtml(HttpResponse<String> response, String path) {
        assertThat(response.headers().firstValue("Content-Type").orElse("")).as(path).startsWith("text/html");
        assertThat(response.body()).as(path).doesNotContain("Exception").doesNotContain("at org.")
                .doesNotContain("Whitelabel").doesNotContain("??");
        assertThat(INLINE_SCRIPT.matcher(response.body()).find()).as("inline script in " + path).isFalse();
        assertThat(INLINE_STYLE.matcher(response.body()).find()).as("inline style in " + path).isFalse();
        assertThat(INLINE_HANDLER.matcher(response.body()).find()).as("inline handler in " + path).isFalse();
    }

    @Test
    void everyPageRendersForTheParticipantsInEveryLanguage() {
        Map<String, String[]> words = Map.of("en", new String[] {"Exchange round", "Request"},
                "uk", new String[] {"Раунд обміну", "Запит"}, "ru", new String[] {"Раунд обмена", "Запрос"});
        for (String user : List.of("negotiator@party-a", "negotiator@party-b", "viewer@intermediary",
                "registrar@party-a")) {
            PageSession session = PageSession.of(port, user);
            for (String language : List.of("en", "uk", "ru")) {
                for (String path : pages(round)) {
                    String url = path + (path.contains("?") ? "&" : "?") + "lang=" + language;
                    HttpResponse<String> page = session.get(url);
                    assertThat(page.statusCode()).as(user + " " + url).isEqualTo(200);
                    assertReadableHtml(page, url);
                    assertThat(page.body()).as(url).contains("<html lang=\"" + language + "\"")
                            .contains(words.get(language)[0]).contains("<bdi>Раунд сторінок</bdi>");
                }
                HttpResponse<String> list = session.get("/exchanges?lang=" + language);
                assertThat(list.statusCode()).isEqualTo(200);
                assertReadableHtml(list, "/exchanges");
                assertThat(list.body()).contains("Раунд сторінок").contains("id=\"nav-exchanges\"");
            }
        }
        HttpResponse<String> editor = PageSession.of(port, "negotiator@party-a")
                .get("/exchanges/" + round + "/lists/party-a/request/edit?lang=uk");
        assertThat(editor.statusCode()).isEqualTo(200);
        assertReadableHtml(editor, "editor");
        assertThat(editor.body()).contains("Прочитати список").contains("enctype=\"multipart/form-data\"");
    }

    @Test
    void theRoundPageShowsBothPartiesListsTheTimelineAndWhoseMoveItIs() {
        String body = PageSession.of(port, "viewer@intermediary").get("/exchanges/" + round).body();
        assertThat(body).contains("id=\"party-party-a\"").contains("id=\"party-party-b\"")
                .contains("Version 2: 2 entries").contains(versions() + "/1").contains(versions() + "/2")
                .contains("Party B to move").contains("Changes since version 1")
                .contains("version 2, submitted by negotiator@party-a: 2 entries, 1 dropped")
                .doesNotContain("abandon-form").doesNotContain("edit-link");
        String list = PageSession.of(port, "viewer@party-b").get("/exchanges").body();
        assertThat(list).contains("/exchanges/" + round).contains("Party B").doesNotContain("open-form");
        assertThat(PageSession.of(port, "negotiator@party-b").get("/exchanges").body()).contains("open-form");
    }

    @Test
    void theVersionShowsFreeTextEntriesAsWrittenAndTheDiffTheReason() {
        PageSession intermediary = PageSession.of(port, "viewer@intermediary");
        String version = intermediary.get(versions() + "/1").body();
        assertThat(version).contains(">Перепелиця Ярослав</bdi>").contains(">Незнайомий Никто</bdi>")
                .doesNotContain("does not see");
        assertThat(version.replaceAll("\\s+", " "))
                .as("the official Latin spelling beside each name, Party A's entries in Ukrainian")
                .contains("<span class=\"name-latin\" lang=\"uk-Latn\"> <bdi>Perepelytsia Yaroslav</bdi></span>")
                .contains("<bdi>Neznaiomyi Nykto</bdi>");
        String diff = intermediary.get(versions() + "/2/diff?from=1").body();
        assertThat(diff).contains("0 added, 1 dropped, 0 changed").contains("<bdi>P-3</bdi>")
                .contains("Found elsewhere").contains("<bdi>Знайдено в іншому списку</bdi>");
        assertThat(intermediary.get(versions() + "/1/diff").body()).contains("id=\"first-version\"");
        assertThat(intermediary.get(versions() + "/9").statusCode()).isEqualTo(404);
        assertThat(intermediary.get(versions() + "/2/diff?from=abc").statusCode()).isEqualTo(404);
    }

    @Test
    void theRequesterSeesNeitherPendingOutcomesNorCandidates() {
        String reconciliation = versions() + "/2/reconciliation";
        String holder = PageSession.of(port, "negotiator@party-b").get(reconciliation).body();
        assertThat(holder).contains("/persons/" + found).contains("/persons/" + twinOne).contains("/persons/" + twinTwo)
                .contains("Candidates (2)").contains("This is the person").contains("Confirm the match")
                .as("each candidate's name with its official Latin spelling").contains("<bdi>Blyzniuk Ostap</bdi>");
        String requester = PageSession.of(port, "negotiator@party-a").get(reconciliation).body();
        assertThat(requester).doesNotContain(found).doesNotContain(twinOne).doesNotContain(twinTwo)
                .doesNotContain("Candidates").doesNotContain("decide-form").contains("Awaiting the holder’s decision");
        assertThat(PageSession.of(port, "viewer@party-b").get(reconciliation).body()).contains("Candidates (2)")
                .doesNotContain("decide-form");
    }

    @Test
    void aRoundOfOthersIsNotFoundAndAdministratorsReadNone() {
        for (String admin : List.of("admin", "admin@party-a")) {
            PageSession session = PageSession.of(port, admin);
            for (String path : pages(round)) {
                HttpResponse<String> page = session.get(path);
                assertThat(page.statusCode()).as("administrators read no rounds, as no persons: " + path)
                        .isEqualTo(403);
                assertThat(page.body()).contains("Not allowed").doesNotContain("Раунд сторінок");
            }
            assertThat(session.get("/exchanges").statusCode()).isEqualTo(403);
        }
        PageSession intermediary = PageSession.of(port, "viewer@intermediary");
        for (String path : List.of("/exchanges/" + withoutIntermediary,
                "/exchanges/" + withoutIntermediary + "/left-off?party=party-a&kind=request",
                "/exchanges/" + withoutIntermediary + "/lists/party-b/request/versions/1",
                "/exchanges/" + withoutIntermediary + "/lists/party-b/offer/edit",
                "/exchanges/00000000-0000-0000-0000-000000000000", "/exchanges/abc",
                "/exchanges/" + round + "/lists/intermediary/request/versions/1",
                "/exchanges/" + round + "/lists/party-a/nonsense/versions/1",
                "/exchanges/" + round + "/left-off?party=party-c&kind=request")) {
            HttpResponse<String> page = intermediary.get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(404);
            assertReadableHtml(page, path);
            assertThat(page.body()).doesNotContain("Без посередника");
        }
        assertThat(intermediary.get("/exchanges").body()).doesNotContain(withoutIntermediary);
    }

    @Test
    void formsAreRefusedToThoseWhoseRoleDoesNotAllowThem() {
        String edit = "/exchanges/" + round + "/lists/party-a/request/edit";
        String decide = versions() + "/2/reconciliation/decide";
        for (String user : List.of("viewer@party-a", "registrar@party-a", "negotiator@intermediary",
                "viewer@intermediary")) {
            PageSession session = PageSession.of(port, user);
            expectForbidden(session.post("/exchanges", Map.of("counterparty", "party-b", "title", "x")), user);
            expectForbidden(session.post("/exchanges/" + round + "/abandon", Map.of("reason", "no")), user);
            expectForbidden(session.get(edit), user);
            expectForbidden(session.multipart(edit, Map.of("rows", "ref\tsurname\nX\tY"), null, null), user);
            expectForbidden(session.post(edit + "/submit", Map.of("draft", "x", "basedOn", "2")), user);
            expectForbidden(session.post(decide, Map.of("ref", "P-1", "decision", "CONFIRM")), user);
        }
        PageSession otherParty = PageSession.of(port, "negotiator@party-b");
        expectForbidden(otherParty.get(edit), "negotiator@party-b");
        expectForbidden(otherParty.multipart(edit, Map.of("rows", "ref\tsurname\nX\tY"), null, null),
                "negotiator@party-b");
        PageSession requester = PageSession.of(port, "negotiator@party-a");
        expectForbidden(requester.post(decide, Map.of("ref", "P-1", "decision", "CONFIRM")), "negotiator@party-a");
        assertThat(requester.get(versions() + "/2/reconciliation").body()).doesNotContain("decide-form");
        assertThat(exchanges.get(caller("negotiator@party-a"), round).round().state())
                .isEqualTo(RoundState.NEGOTIATING);
        assertThat(lists.versions(caller("negotiator@party-a"), round, "party-a", ListKind.REQUEST)).hasSize(2);
    }

    private static void expectForbidden(HttpResponse<String> response, String user) {
        assertThat(response.statusCode()).as(user + " " + response.uri()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(response.body()).contains("Not allowed");
    }

    @Test
    void aPasteWithABadRowShowsItsLineAndStoresNothing() {
        Caller a = caller("negotiator@party-a");
        String opened = exchanges.open(a, "party-b", "intermediary", "Вставлення").publicId();
        String edit = "/exchanges/" + opened + "/lists/party-a/request/edit";
        PageSession session = PageSession.of(port, "negotiator@party-a");
        session.get(edit);
        HttpResponse<String> refused = session.multipart(edit, Map.of("rows", """
                ref\tsurname\tgiven_name\tdate_of_birth
                R-1\tКоваль\tПетро\t1990-01-02
                R-2\tШвець\tІван\t1990-13-01
                """), null, null);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertReadableHtml(refused, "refused paste");
        assertThat(refused.body()).contains("Line 3").contains("data-line=\"3\"").contains("1990-13-01&quot; is not a date")
                .contains("Nothing was stored").contains("Швець");
        assertThat(lists.versions(a, opened, "party-a", ListKind.REQUEST)).isEmpty();

        HttpResponse<String> read = session.multipart(edit, Map.of("rows", """
                ref\tsurname\tgiven_name\tdate_of_birth
                R-1\tКоваль\tПетро\t1990-01-02
                R-2\tШвець\tІван\t1990-12-01
                """), null, null);
        assertThat(read.statusCode()).as(read.body()).isEqualTo(302);
        String review = PageSession.location(read);
        assertThat(review).startsWith(edit + "?draft=");
        HttpResponse<String> preview = session.get(review);
        assertThat(preview.body()).contains("2 entries").contains("2 added, 0 dropped, 0 changed")
                .contains(">Швець Іван</bdi>").contains("<bdi>Shvets Ivan</bdi>").contains("Submit version 1");
        assertThat(lists.versions(a, opened, "party-a", ListKind.REQUEST)).as("reading stores nothing").isEmpty();
        String draft = review.substring(review.indexOf("draft=") + 6);
        HttpResponse<String> submitted = session.post(edit + "/submit", Map.of("draft", draft, "basedOn", "0"));
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(302);
        assertThat(PageSession.location(submitted)).isEqualTo("/exchanges/" + opened
                + "/lists/party-a/request/versions/1");
        assertThat(session.get(PageSession.location(submitted)).body()).contains("Version 1 is submitted");

        // the next version drops R-2: a reason is asked, OTHER needs a note
        HttpResponse<String> next = session.multipart(edit, Map.of("rows", "ref\tsurname\tgiven_name\tdate_of_birth\n"
                + "R-1\tКоваль\tПетро\t1990-01-02\n"), null, null);
        String nextReview = PageSession.location(next);
        String nextDraft = nextReview.substring(nextReview.indexOf("draft=") + 6);
        assertThat(session.get(nextReview).body()).contains("Dropped (1): why?").contains("name=\"reason:R-2\"");
        HttpResponse<String> noReason = session.post(edit + "/submit", Map.of("draft", nextDraft, "basedOn", "1"));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("Give a reason for every dropped entry: R-2");
        HttpResponse<String> noNote = session.post(edit + "/submit", Map.of("draft", nextDraft, "basedOn", "1",
                "reason:R-2", "OTHER"));
        assertThat(noNote.statusCode()).isEqualTo(400);
        assertThat(noNote.body()).contains("the reason “Other” needs a note");
        assertThat(lists.versions(a, opened, "party-a", ListKind.REQUEST)).hasSize(1);
        HttpResponse<String> dropped = session.post(edit + "/submit", Map.of("draft", nextDraft, "basedOn", "1",
                "reasonAll", "DIED"));
        assertThat(dropped.statusCode()).as(dropped.body()).isEqualTo(302);
        assertThat(lists.version(a, opened, "party-a", ListKind.REQUEST, 2).removals())
                .containsExactly(new Removal("R-2", RemovalReason.DIED, null));
    }

    @Test
    void aVersionSubmittedMeanwhileIsExplainedAndReviewedAgain() {
        Caller a = caller("negotiator@party-a");
        String opened = exchanges.open(a, "party-b", "intermediary", "Одночасно").publicId();
        lists.submit(a, opened, "party-a", ListKind.REQUEST, 0, List.of(entry("S-1", "Ткач", "Лука", "1985"),
                entry("S-2", "Мельник", "Тарас", "1986")), List.of());
        String edit = "/exchanges/" + opened + "/lists/party-a/request/edit";
        PageSession session = PageSession.of(port, "negotiator@party-a");
        HttpResponse<String> read = session.multipart(edit, Map.of("rows", "ref\tsurname\tgiven_name\tdate_of_birth\n"
                + "S-1\tТкач\tЛука\t1985\nS-3\tГончар\tОлег\t\n"), null, null);
        String review = PageSession.location(read);
        String draft = review.substring(review.indexOf("draft=") + 6);
        assertThat(session.get(review).body()).contains("name=\"basedOn\" value=\"1\"");
        // meanwhile, in another tab, version 2 drops S-2 already
        lists.submit(a, opened, "party-a", ListKind.REQUEST, 1, List.of(entry("S-1", "Ткач", "Лука", "1985")),
                List.of(new Removal("S-2", RemovalReason.RETURNED, null)));
        HttpResponse<String> stale = session.post(edit + "/submit", Map.of("draft", draft, "basedOn", "1",
                "reason:S-2", "DIED"));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("Version 2 was submitted by negotiator@party-a at")
                .contains("meanwhile, after the version 1 you reviewed")
                .contains("name=\"basedOn\" value=\"2\"").contains("Changes against version 2")
                .contains("1 added, 0 dropped, 0 changed");
        HttpResponse<String> again = session.post(edit + "/submit", Map.of("draft", draft, "basedOn", "2"));
        assertThat(again.statusCode()).as(again.body()).isEqualTo(302);
        assertThat(lists.versions(a, opened, "party-a", ListKind.REQUEST)).hasSize(3);
    }

    @Test
    void aListTooLargeIsRefusedInWords() {
        String edit = "/exchanges/" + round + "/lists/party-a/offer/edit";
        PageSession session = PageSession.of(port, "negotiator@party-a");
        byte[] big = new byte[(int) ListEditorController.MAX_FILE_BYTES + 1024];
        java.util.Arrays.fill(big, (byte) 'a');
        byte[] huge = new byte[(int) ListEditorController.MAX_FILE_BYTES * 3];
        StringBuilder pasted = new StringBuilder("ref\tsurname\n");
        for (int i = 0; pasted.length() < 1_500_000; i++) {
            pasted.append("L-").append(i).append("\tДуже довге прізвище\n");
        }
        for (HttpResponse<String> refused : List.of(session.multipart(edit, Map.of(), "list.csv", big),
                session.multipart(edit, Map.of(), "list.csv", huge),
                session.multipart(edit, Map.of("rows", pasted.toString()), null, null))) {
            assertThat(refused.statusCode()).isEqualTo(303);
            assertThat(PageSession.location(refused)).isEqualTo(edit + "?refused=size");
        }
        HttpResponse<String> told = session.get(edit + "?refused=size");
        assertThat(told.statusCode()).isEqualTo(200);
        assertThat(told.body()).contains("files of at most 10 MB, pasted rows of at most 2 MB")
                .contains("id=\"read-form\"");
        assertThat(lists.versions(caller("negotiator@party-a"), round, "party-a", ListKind.OFFER)).isEmpty();

        HttpResponse<String> csv = session.multipart(edit, Map.of(), "offer.csv",
                "ref,person_id\nO-1,not-an-id\n".getBytes(StandardCharsets.UTF_8));
        assertThat(csv.statusCode()).isEqualTo(302);
        String review = PageSession.location(csv);
        String draft = review.substring(review.indexOf("draft=") + 6);
        HttpResponse<String> submitted = session.post(edit + "/submit", new LinkedHashMap<>(Map.of("draft", draft,
                "basedOn", "0")));
        assertThat(submitted.statusCode()).isEqualTo(400);
        assertThat(submitted.body()).as("the service's error names the line of the file")
                .contains("Line 2, Registry record: no person you may see has this id");
    }

    @Test
    void aWorkbookIsReadWithItsOwnColumnNames() throws java.io.IOException {
        String opened = exchanges.open(caller("negotiator@party-a"), "party-b", "intermediary", "Книга").publicId();
        String edit = "/exchanges/" + opened + "/lists/party-a/request/edit";
        byte[] workbook;
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook book = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            var sheet = book.createSheet("Список");
            String[][] rows = {{"Номер", "Прізвище", "Ім’я", "Дата народження", "Зріст"},
                {"K-1", "Книжник", "Орест", "06.05.1990", "180"}, {"K-2", "Сторінчук", "Юлія", "1993", "165"}};
            for (int r = 0; r < rows.length; r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            book.write(out);
            workbook = out.toByteArray();
        }
        PageSession session = PageSession.of(port, "negotiator@party-a");
        HttpResponse<String> read = session.multipart(edit, Map.of(), "список.xlsx", workbook);
        assertThat(read.statusCode()).as(read.body()).isEqualTo(302);
        String preview = session.get(PageSession.location(read)).body();
        assertThat(preview).contains("2 entries").contains("<bdi>список.xlsx</bdi>").contains(">Книжник Орест</bdi>")
                .contains("<bdi>Knyzhnyk Orest</bdi>")
                .contains("1990-05-06").contains("id=\"unknown-columns\"").contains("<bdi>Зріст</bdi>")
                .contains("2 added, 0 dropped, 0 changed");
    }

    @Test
    void theHolderDecidesWithPlainFormsOrInPlaceWithHtmx() {
        Caller a = caller("negotiator@party-a");
        String opened = exchanges.open(a, "party-b", "intermediary", "Рішення").publicId();
        lists.submit(a, opened, "party-a", ListKind.REQUEST, 0, List.of(
                entry("D-1", "Перепелиця", "Ярослав", "1987-05-21"),
                entry("D-2", "Близнюк", "Остап", "1992-08-08")), List.of());
        String reconciliation = "/exchanges/" + opened + "/lists/party-a/request/versions/1/reconciliation";
        PageSession holder = PageSession.of(port, "negotiator@party-b");
        assertThat(holder.get(reconciliation).body()).contains("class=\"decide-form\"");

        HttpResponse<String> plain = holder.post(reconciliation + "/decide", Map.of("ref", "D-1", "position", "1",
                "outcome", "FOUND", "decision", "CONFIRM"));
        assertThat(plain.statusCode()).isEqualTo(302);
        assertThat(PageSession.location(plain)).isEqualTo(reconciliation + "?outcome=FOUND#item-1");
        assertThat(holder.get(reconciliation + "?outcome=FOUND").body()).contains("Decision recorded for")
                .contains("data-ref=\"D-1\"");
        assertThat(holder.get(reconciliation + "?confirmation=CONFIRMED").body()).contains("data-ref=\"D-1\"")
                .doesNotContain("data-ref=\"D-2\"");

        Map<String, String> htmx = Map.of("HX-Request", "true", "HX-Target", "item-2");
        HttpResponse<String> noId = holder.post(reconciliation + "/decide", Map.of("ref", "D-2", "position", "2",
                "decision", "PICK", "personId", ""), htmx);
        assertThat(noId.statusCode()).isEqualTo(400);
        assertThat(noId.body()).startsWith("<article").contains("is required to pick a person")
                .contains("Not decided");
        HttpResponse<String> picked = holder.post(reconciliation + "/decide", Map.of("ref", "D-2", "position", "2",
                "pick", twinOne), htmx);
        assertThat(picked.statusCode()).isEqualTo(200);
        assertThat(picked.body()).startsWith("<article").doesNotContain("<html").contains("id=\"item-2\"")
                .contains("Confirmed").contains("/persons/" + twinOne);

        String requester = PageSession.of(port, "negotiator@party-a").get(reconciliation).body();
        assertThat(requester).contains("/persons/" + found).contains("/persons/" + twinOne).doesNotContain(twinTwo)
                .doesNotContain("decide-form");
        assertThat(PageSession.of(port, "viewer@intermediary").get("/exchanges/" + opened).body())
                .contains("Party B has decided on 2 entries of the requests of Party A");
    }
}
