package org.parley.wishes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.ApiClient;
import org.parley.ApiClient.Response;
import org.parley.ParleyTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Statements through the API: who records what, who reads what, the derived status, the queue. */
@ParleyTest
class WishApiTest {

    private static final String INTERROGATION_TEXT = "Під час допиту сказав, що не хоче повертатися";
    private static final String INTERVIEW_TEXT = "Приватна бесіда: боїться за родину";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    WishService wishes;

    private ApiClient registrarA;
    private ApiClient viewerA;
    private ApiClient registrarB;
    private ApiClient interviewer;
    private ApiClient intermediaryViewer;

    @BeforeEach
    void clients() {
        ApiClient anonymous = new ApiClient(port);
        registrarA = anonymous.as("registrar@party-a");
        viewerA = anonymous.as("viewer@party-a");
        registrarB = anonymous.as("registrar@party-b");
        interviewer = anonymous.as("interviewer@intermediary");
        intermediaryViewer = anonymous.as("viewer@intermediary");
    }

    /** A person held by Party A, a national of Party B, captured on {@code captured}, notified or not. */
    @Autowired
    org.parley.api.PublicIds publicIds;

    private String person(String name, LocalDate captured, boolean notified) {
        Response created = registrarA.post("/api/v1/persons", """
                {"surname": "Бажання", "givenName": "%s", "holdingParty": "party-a", "powerOfOrigin": "party-b",
                 "captureDate": "%s"}""".formatted(name, captured));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").stringValue();
        if (notified) {
            assertThat(registrarA.post("/api/v1/persons/" + id + "/events", "{\"type\": \"NOTIFIED\", \"occurredOn\": \""
                    + captured.plusDays(1) + "\"}").status()).isEqualTo(201);
        }
        return id;
    }

    private static String statement(String wish, String method, LocalDate on, String text) {
        return """
                {"wish": "%s", "method": "%s", "takenOn": "%s", "place": "Табір 3", "language": "ru",
                 "interpreter": false, "text": "%s"}""".formatted(wish, method, on, text);
    }

    private long statementCount() {
        return jdbc.sql("select count(*) from wish_statement").query(Long.class).single();
    }

    @Test
    void eachSideRecordsOnlyWhatItMayAndTheWishFollowsTheVerifiedStatement() {
        LocalDate captured = LocalDate.now().minusDays(100);
        String id = person("Ростислав", captured, true);
        String path = "/api/v1/persons/" + id + "/statements";

        Response claim = registrarA.post(path, statement("NOT_RETURN", "INTERROGATION", captured.plusDays(3),
                INTERROGATION_TEXT));
        assertThat(claim.status()).as(claim.body()).isEqualTo(201);
        assertThat(claim.json().get("verified").asBoolean()).isFalse();
        assertThat(claim.json().get("wishStatus").asString()).isEqualTo("UNVERIFIED_CLAIM");

        assertThat(registrarA.post(path, statement("RETURN", "PRIVATE_INTERVIEW", captured.plusDays(4), "x")).status())
                .as("the detaining power takes no private interviews").isEqualTo(403);
        assertThat(viewerA.post(path, statement("RETURN", "INTERROGATION", captured.plusDays(4), "x")).status())
                .isEqualTo(403);
        assertThat(registrarB.post(path, statement("RETURN", "WRITTEN_DECLARATION", captured.plusDays(4), "x"))
                .status()).as("the power of origin records nothing").isEqualTo(403);
        assertThat(interviewer.post(path, statement("RETURN", "INTERROGATION", captured.plusDays(4), "x")).status())
                .as("the intermediary does not interrogate").isEqualTo(403);
        assertThat(intermediaryViewer.post(path, statement("RETURN", "PRIVATE_INTERVIEW", captured.plusDays(4), "x"))
                .status()).isEqualTo(403);

        JsonNode origin = registrarB.get("/api/v1/persons/" + id).json();
        assertThat(origin.get("wishStatus").asString()).isEqualTo("UNVERIFIED_CLAIM");

        Response interview = interviewer.post(path, statement("NOT_RETURN", "PRIVATE_INTERVIEW", captured.plusDays(20),
                INTERVIEW_TEXT));
        assertThat(interview.status()).as(interview.body()).isEqualTo(201);
        assertThat(interview.json().get("verified").asBoolean()).isTrue();
        assertThat(interview.json().get("wishStatus").asString()).isEqualTo("VERIFIED_NOT_RETURNING");

        Response person = registrarB.get("/api/v1/persons/" + id);
        assertThat(person.json().get("wishStatus").asString()).isEqualTo("VERIFIED_NOT_RETURNING");
        assertThat(person.json().get("wishVerifiedOn").asString()).isEqualTo(captured.plusDays(20).toString());
        assertThat(person.body()).doesNotContain(INTERVIEW_TEXT).doesNotContain(INTERROGATION_TEXT)
                .doesNotContain("interviewer@intermediary");
        assertThat(registrarB.get(path).status()).as("the power of origin never reads statements").isEqualTo(403);

        Response holderView = viewerA.get(path);
        assertThat(holderView.status()).isEqualTo(200);
        assertThat(holderView.json().get("items")).hasSize(1);
        assertThat(holderView.body()).contains(INTERROGATION_TEXT).doesNotContain(INTERVIEW_TEXT);
        assertThat(holderView.json().get("wishStatus").asString()).isEqualTo("VERIFIED_NOT_RETURNING");

        Response intermediaryView = intermediaryViewer.get(path);
        assertThat(intermediaryView.json().get("items")).hasSize(2);
        assertThat(intermediaryView.body()).contains(INTERROGATION_TEXT).contains(INTERVIEW_TEXT);

        Transferability rule = wishes.transferability(publicIds.parse(org.parley.api.PublicIds.Kind.PERSON, id));
        assertThat(rule.allowed()).isFalse();
        assertThat(rule.reason()).contains("verified by the intermediary on " + captured.plusDays(20));
    }

    @Test
    void anUnverifiedClaimLeavesAPersonTransferableButFlagged() {
        LocalDate captured = LocalDate.now().minusDays(50);
        String id = person("Валерій", captured, true);
        assertThat(wishes.transferability(publicIds.parse(org.parley.api.PublicIds.Kind.PERSON, id))).isEqualTo(new Transferability(true, false, "no statement on record"));
        registrarA.post("/api/v1/persons/" + id + "/statements", statement("ASYLUM", "INTERROGATION",
                captured.plusDays(2), "claimed"));
        Transferability rule = wishes.transferability(publicIds.parse(org.parley.api.PublicIds.Kind.PERSON, id));
        assertThat(rule.allowed()).isTrue();
        assertThat(rule.flagged()).isTrue();
    }

    @Test
    void recordsTheIntermediaryCannotSeeAreNotFoundForIt() {
        String hidden = person("Прихований", LocalDate.now().minusDays(10), false);
        registrarA.post("/api/v1/persons/" + hidden + "/statements", statement("RETURN", "INTERROGATION",
                LocalDate.now().minusDays(5), "x"));
        for (ApiClient outsider : List.of(interviewer, intermediaryViewer, registrarB)) {
            assertThat(outsider.get("/api/v1/persons/" + hidden + "/statements").status()).isEqualTo(404);
            assertThat(outsider.post("/api/v1/persons/" + hidden + "/statements", statement("RETURN",
                    "PRIVATE_INTERVIEW", LocalDate.now(), "x")).status()).isEqualTo(404);
        }
        assertThat(intermediaryViewer.get("/api/v1/wishes/queue?size=200").body()).doesNotContain("Прихований");
    }

    @Test
    void badStatementsAreRefusedWithTheFieldAndNothingIsStored() {
        LocalDate captured = LocalDate.now().minusDays(30);
        String id = person("Помилка", captured, true);
        String path = "/api/v1/persons/" + id + "/statements";
        long before = statementCount();
        Response unknown = registrarA.post(path, "{\"wish\": \"MAYBE\", \"method\": \"INTERROGATION\", \"mood\": 1}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("\"wish\"").contains("MAYBE").contains("\"mood\"");
        Response future = registrarA.post(path, statement("RETURN", "INTERROGATION", LocalDate.now().plusDays(1), "x"));
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.body()).contains("takenOn").contains("future");
        Response beforeCapture = registrarA.post(path, statement("RETURN", "INTERROGATION", captured.minusDays(1),
                "x"));
        assertThat(beforeCapture.body()).contains("before the capture");
        Response missing = registrarA.post(path, "{}");
        assertThat(missing.body()).contains("\"wish\"").contains("\"method\"").contains("is required");
        Response interview = interviewer.post(path, statement("RETURN", "PRIVATE_INTERVIEW", captured.plusDays(3),
                "x"));
        Response foreignReplace = registrarA.post(path, """
                {"wish": "NOT_RETURN", "method": "INTERROGATION", "replaces": "%s"}"""
                .formatted(interview.json().get("id").stringValue()));
        assertThat(foreignReplace.status()).as("a party cannot withdraw the intermediary's statement").isEqualTo(400);
        assertThat(foreignReplace.body()).contains("replaces");
        assertThat(statementCount()).isEqualTo(before + 1);
    }

    @Test
    void aWithdrawalIsANewStatementAndStatementsAreNeverChanged() {
        LocalDate captured = LocalDate.now().minusDays(40);
        String id = person("Відкликання", captured, true);
        String path = "/api/v1/persons/" + id + "/statements";
        String claim = registrarA.post(path, statement("NOT_RETURN", "INTERROGATION", captured.plusDays(1), "x"))
                .json().get("id").stringValue();
        Response withdrawal = registrarA.post(path, """
                {"wish": "UNDECIDED", "method": "WRITTEN_DECLARATION", "replaces": "%s", "text": "withdrawn"}"""
                .formatted(claim));
        assertThat(withdrawal.status()).isEqualTo(201);
        assertThat(withdrawal.json().get("wishStatus").asString()).isEqualTo("UNKNOWN");
        assertThat(registrarA.post(path, "{\"wish\": \"RETURN\", \"method\": \"INTERROGATION\", \"replaces\": \""
                + claim + "\"}").status()).as("replaced once only").isEqualTo(400);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql(
                "update wish_statement set wish = 'RETURN' where id = :id")
                .param("id", publicIds.parse(org.parley.api.PublicIds.Kind.STATEMENT, claim)).update())
                .hasMessageContaining("append-only");
    }

    @Test
    void theStoredWishIsTheOneDerivedFromAllTheStatementsAfterEachStatement() {
        LocalDate captured = LocalDate.now().minusDays(90);
        List<Long> persons = new ArrayList<>();
        List<DerivedWish> stored = new ArrayList<>();
        String last = null;
        // one person for each length of the sequence, so that the stored row is checked after each statement
        for (int steps = 1; steps <= 6; steps++) {
            last = personWithStatements(captured, steps);
            long personId = publicIds.parse(org.parley.api.PublicIds.Kind.PERSON, last);
            DerivedWish wish = statements.storedWishes(List.of(personId)).get(personId);
            assertThat(wish).as("after %d statements", steps)
                    .isEqualTo(WishDerivation.derive(statements.ofPerson(personId)));
            persons.add(personId);
            stored.add(wish);
        }
        assertThat(stored).extracting(DerivedWish::status).containsExactly(WishStatus.UNVERIFIED_CLAIM,
                WishStatus.UNVERIFIED_CLAIM, WishStatus.VERIFIED_RETURN, WishStatus.VERIFIED_RETURN,
                WishStatus.VERIFIED_RETURN, WishStatus.VERIFIED_NOT_RETURNING);
        assertThat(stored).extracting(DerivedWish::contradicted).containsExactly(false, true, false, true, false,
                false);
        assertThat(statements.personsToInterview()).as("claims alone, or a verified wish contradicted")
                .contains(persons.get(0), persons.get(1), persons.get(3))
                .doesNotContain(persons.get(2), persons.get(4), persons.get(5));
        JsonNode read = viewerA.get("/api/v1/persons/" + last).json();
        assertThat(read.get("wishStatus").asString()).isEqualTo("VERIFIED_NOT_RETURNING");
        assertThat(read.get("wishVerifiedOn").asString()).isEqualTo(captured.plusDays(9).toString());
    }

    @Autowired
    StatementRepository statements;

    /**
     * A new person with the first {@code steps} statements of this sequence: a claim, a claim the other way, the
     * intermediary's interview, a contradicting claim, its withdrawal, a second interview the other way.
     */
    private String personWithStatements(LocalDate captured, int steps) {
        String id = person("Крок" + steps, captured, true);
        String path = "/api/v1/persons/" + id + "/statements";
        String contradiction = null;
        for (int step = 0; step < steps; step++) {
            Response recorded = switch (step) {
                case 0 -> registrarA.post(path, statement("NOT_RETURN", "INTERROGATION", captured.plusDays(1), "c"));
                case 1 -> registrarA.post(path, statement("RETURN", "INTERROGATION", captured.plusDays(2), "o"));
                case 2 -> interviewer.post(path, statement("RETURN", "PRIVATE_INTERVIEW", captured.plusDays(5), "h"));
                case 3 -> registrarA.post(path, statement("ASYLUM", "INTERROGATION", captured.plusDays(8), "a"));
                case 4 -> registrarA.post(path, """
                        {"wish": "UNDECIDED", "method": "WRITTEN_DECLARATION", "replaces": "%s"}"""
                        .formatted(contradiction));
                default -> interviewer.post(path, statement("NOT_RETURN", "PRIVATE_INTERVIEW", captured.plusDays(9),
                        "n"));
            };
            assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
            if (step == 3) {
                contradiction = recorded.json().get("id").stringValue();
            }
        }
        return id;
    }

    @Test
    void theQueueShowsUnverifiedClaimsOldestFirstToTheIntermediaryOnly() {
        LocalDate base = LocalDate.now().minusDays(400);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String id = person("Черга" + i, base, true);
            ids.add(id);
            // claims taken on base+30, base+20, base+10: the last person has waited longest
            registrarA.post("/api/v1/persons/" + id + "/statements", statement("NOT_RETURN", "INTERROGATION",
                    base.plusDays(30 - 10L * i), "claim"));
        }
        interviewer.post("/api/v1/persons/" + ids.get(1) + "/statements", statement("RETURN", "PRIVATE_INTERVIEW",
                base.plusDays(60), "verified"));

        Response queue = intermediaryViewer.get("/api/v1/wishes/queue?size=200");
        assertThat(queue.status()).isEqualTo(200);
        List<String> order = new ArrayList<>();
        queue.json().get("items").forEach(item -> order.add(item.get("id").stringValue()));
        assertThat(order).contains(ids.get(2), ids.get(0)).doesNotContain(ids.get(1));
        assertThat(order.indexOf(ids.get(2))).isLessThan(order.indexOf(ids.get(0)));
        // persons on an open exchange round's list first (the demo round's), then the others; the oldest claim
        // first in each group
        List<Boolean> later = new ArrayList<>();
        List<String> listedDates = new ArrayList<>();
        List<String> dates = new ArrayList<>();
        queue.json().get("items").forEach(item -> {
            boolean listed = item.get("onExchangeList").asBoolean();
            later.add(!listed);
            (listed ? listedDates : dates).add(item.get("oldestClaimOn").asString());
        });
        assertThat(later).isSorted();
        assertThat(listedDates).isSorted();
        assertThat(dates).isSorted();

        assertThat(registrarA.get("/api/v1/wishes/queue").status()).isEqualTo(403);
        assertThat(registrarB.get("/api/v1/wishes/queue").status()).isEqualTo(403);
        assertThat(intermediaryViewer.get("/api/v1/wishes/queue?colour=red").status()).isEqualTo(400);

        Response weeks = intermediaryViewer.get("/api/v1/wishes/interviews-per-week?weeks=520");
        assertThat(weeks.status()).isEqualTo(200);
        assertThat(weeks.body()).contains(base.plusDays(60).with(java.time.DayOfWeek.MONDAY).toString());
        assertThat(registrarA.get("/api/v1/wishes/interviews-per-week").status()).isEqualTo(403);
    }

    @Test
    void noStatementIsRecordedForAPersonNoLongerHeldAndTheQueueDropsThem() {
        LocalDate captured = LocalDate.now().minusDays(60);
        String id = person("Звільнений", captured, true);
        String path = "/api/v1/persons/" + id + "/statements";
        assertThat(registrarA.post(path, statement("NOT_RETURN", "INTERROGATION", captured.plusDays(2), "claim"))
                .status()).isEqualTo(201);
        assertThat(queueIds()).as("an unverified claim of a person held waits for an interview").contains(id);
        Response released = registrarA.post("/api/v1/persons/" + id + "/events",
                "{\"type\": \"RELEASED\", \"occurredOn\": \"" + captured.plusDays(5) + "\"}");
        assertThat(released.status()).as(released.body()).isEqualTo(201);

        long before = statementCount();
        for (ApiClient recorder : List.of(registrarA, interviewer)) {
            Response refused = recorder.post(path, statement("RETURN", recorder == registrarA ? "INTERROGATION"
                    : "PRIVATE_INTERVIEW", captured.plusDays(3), "after release"));
            assertThat(refused.status()).as(refused.body()).isEqualTo(409);
            assertThat(refused.json().get("type").asString()).isEqualTo("urn:parley:problem:not-in-custody");
            assertThat(refused.json().get("detail").asString()).isEqualTo("person " + id
                    + " is RELEASED, not in custody: a statement is recorded only while a person is held");
            assertThat(refused.json().get("status").asString()).isEqualTo("RELEASED");
        }
        assertThat(viewerA.post(path, statement("RETURN", "INTERROGATION", captured.plusDays(3), "x")).status())
                .as("a role that records nothing is refused as before").isEqualTo(403);
        assertThat(registrarB.post(path, statement("RETURN", "WRITTEN_DECLARATION", captured.plusDays(3), "x"))
                .status()).isEqualTo(403);
        assertThat(statementCount()).as("nothing stored").isEqualTo(before);
        assertThat(registrarA.get(path).json().get("items")).hasSize(1);
        assertThat(queueIds()).as("nobody left to interview").doesNotContain(id);
    }

    @Test
    void everyWeekOfTheRangeIsCountedWeeksWithoutInterviewsAsZero() {
        LocalDate thisWeek = LocalDate.now().with(java.time.DayOfWeek.MONDAY);
        Response weeks = intermediaryViewer.get("/api/v1/wishes/interviews-per-week?weeks=520");
        assertThat(weeks.status()).isEqualTo(200);
        JsonNode items = weeks.json().get("items");
        assertThat(items).hasSize(520);
        int zeros = 0;
        for (int i = 0; i < items.size(); i++) {
            LocalDate week = thisWeek.minusWeeks(i);
            assertThat(items.get(i).get("week").asString()).isEqualTo(week.toString());
            long persons = jdbc.sql("select count(distinct person_id) from wish_statement where verified "
                    + "and taken_on between :monday and :sunday").param("monday", week)
                    .param("sunday", week.plusDays(6)).query(Long.class).single();
            assertThat(items.get(i).get("persons").asLong()).as("week of " + week).isEqualTo(persons);
            zeros += persons == 0 ? 1 : 0;
        }
        assertThat(zeros).as("ten years hold weeks without interviews").isPositive();

        JsonNode byDefault = intermediaryViewer.get("/api/v1/wishes/interviews-per-week").json().get("items");
        assertThat(byDefault).hasSize(12);
        assertThat(byDefault.get(11).get("week").asString()).isEqualTo(thisWeek.minusWeeks(11).toString());
        assertThat(intermediaryViewer.get("/api/v1/wishes/interviews-per-week?weeks=0").status()).isEqualTo(400);
    }

    /** Every person of the interview queue, page by page. */
    private List<String> queueIds() {
        List<String> ids = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode queue = intermediaryViewer.get("/api/v1/wishes/queue?size=200&page=" + page).json();
            queue.get("items").forEach(item -> ids.add(item.get("id").stringValue()));
            if (ids.size() >= queue.get("total").asLong() || queue.get("items").isEmpty()) {
                return ids;
            }
        }
    }
}
