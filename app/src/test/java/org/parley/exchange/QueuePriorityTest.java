package org.parley.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.ApiClient;
import org.parley.ApiClient.Response;
import org.parley.ParleyTest;
import org.parley.TestCallers;
import org.parley.access.UserService;
import org.parley.api.Caller;
import org.parley.api.PublicIds;
import org.parley.wishes.QueuePriority;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Persons on the lists of an open exchange round come first in the intermediary's interview queue (through the
 * API, the queue page, and {@link OpenRoundPriority} itself): named by the latest version of a request or offer
 * list, directly or by the reconciliation, not by an earlier version nor by an abandoned round; the round named only
 * to its intermediary.
 */
@ParleyTest
class QueuePriorityTest {

    private static final LocalDate CAPTURED = LocalDate.now().minusYears(2);

    @LocalServerPort
    int port;
    @Autowired
    List<QueuePriority> priorities;
    @Autowired
    UserService users;
    @Autowired
    PublicIds publicIds;

    private ApiClient negotiatorA;
    private ApiClient negotiatorB;
    private ApiClient registrarB;
    private ApiClient intermediary;

    @BeforeEach
    void clients() {
        ApiClient anonymous = new ApiClient(port);
        negotiatorA = anonymous.as("negotiator@party-a");
        negotiatorB = anonymous.as("negotiator@party-b");
        registrarB = anonymous.as("registrar@party-b");
        intermediary = anonymous.as("viewer@intermediary");
    }

    /** A person Party B holds, of Party A's origin, notified, with a claim (unverified) taken {@code daysAgo}. */
    private String claimant(String surname, String given, String born, int daysAgo) {
        Response created = registrarB.post("/api/v1/persons", """
                {"surname": "%s", "givenName": "%s", "dateOfBirth": "%s", "holdingParty": "party-b",
                 "powerOfOrigin": "party-a", "captureDate": "%s"}""".formatted(surname, given, born, CAPTURED));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").stringValue();
        assertThat(registrarB.post("/api/v1/persons/" + id + "/events", "{\"type\": \"NOTIFIED\", \"occurredOn\": \""
                + CAPTURED.plusDays(5) + "\"}").status()).isEqualTo(201);
        Response claim = registrarB.post("/api/v1/persons/" + id + "/statements", """
                {"wish": "NOT_RETURN", "method": "INTERROGATION", "takenOn": "%s", "text": "claim"}"""
                .formatted(LocalDate.now().minusDays(daysAgo)));
        assertThat(claim.status()).as(claim.body()).isEqualTo(201);
        return id;
    }

    private String round(String title, boolean withIntermediary) {
        Response opened = negotiatorA.post("/api/v1/exchanges", withIntermediary
                ? "{\"counterparty\": \"party-b\", \"intermediary\": \"intermediary\", \"title\": \"" + title + "\"}"
                : "{\"counterparty\": \"party-b\", \"title\": \"" + title + "\"}");
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        return opened.json().get("id").stringValue();
    }

    private static void submitted(ApiClient negotiator, String path, String body) {
        Response response = negotiator.post(path, body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }

    /** The whole queue, every page, in order. */
    private List<JsonNode> queue() {
        List<JsonNode> items = new ArrayList<>();
        for (int page = 0; ; page++) {
            Response response = intermediary.get("/api/v1/wishes/queue?size=200&page=" + page);
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            response.json().get("items").forEach(items::add);
            if (response.json().get("items").isEmpty() || items.size() >= response.json().get("total").longValue()) {
                return items;
            }
        }
    }

    private static List<String> ids(List<JsonNode> queue) {
        return queue.stream().map(item -> item.get("id").stringValue()).toList();
    }

    private static JsonNode item(List<JsonNode> queue, String id) {
        return queue.stream().filter(item -> item.get("id").stringValue().equals(id)).findFirst().orElseThrow();
    }

    /** The row of the queue page of this person. */
    private static String row(String page, String id) {
        int at = page.indexOf("id=\"queue-" + id + "\"");
        assertThat(at).as("row of " + id).isPositive();
        return page.substring(page.lastIndexOf("<tr", at), page.indexOf("</tr>", at));
    }

    /** Every person on an open round's list before everyone else; in each group the oldest claim first. */
    private static void ordered(List<JsonNode> queue) {
        List<Boolean> flags = queue.stream().map(item -> !item.get("onExchangeList").booleanValue()).toList();
        assertThat(flags).as("persons on an open round's list first").isSorted();
        for (boolean listed : List.of(true, false)) {
            assertThat(queue.stream().filter(item -> item.get("onExchangeList").booleanValue() == listed)
                    .map(item -> item.get("oldestClaimOn").stringValue()).toList()).isSorted();
        }
    }

    @Test
    void personsOnTheLatestListsOfAnOpenRoundComeBeforeOlderClaims() {
        String waitingLong = claimant("Довгочекайло", "Панас", "1970-03-03", 300);
        String offered = claimant("Пропонований", "Тарас", "1984-05-06", 10);
        String requested = claimant("Запитаний", "Орест", "1986-07-08", 12);
        String reconciled = claimant("Пріоритетний", "Євстафій", "1987-09-23", 14);
        String dropped = claimant("Вилучений", "Мирон", "1988-10-11", 16);
        String round = round("Queue first round", true);
        String requests = "/api/v1/exchanges/" + round + "/lists/party-a/request/versions";
        String offers = "/api/v1/exchanges/" + round + "/lists/party-b/offer/versions";
        submitted(negotiatorA, requests, """
                {"basedOn": 0, "entries": [{"ref": "Q-1", "personId": "%s"}, {"ref": "Q-2", "personId": "%s"},
                  {"ref": "Q-3", "surname": "Priorytetnyi", "givenName": "Yevstafii", "dateOfBirth": "1987-09-23"}]}"""
                .formatted(requested, dropped));
        submitted(negotiatorB, offers, "{\"basedOn\": 0, \"entries\": [{\"ref\": \"O-1\", \"personId\": \"" + offered
                + "\"}]}");
        JsonNode q3 = negotiatorB.get(requests + "/1/reconciliation").json().get("items").get(2);
        assertThat(q3.get("outcome").stringValue()).as(q3.toString()).isEqualTo("FOUND");
        assertThat(q3.get("personId").stringValue()).isEqualTo(reconciled);

        List<JsonNode> queue = queue();
        ordered(queue);
        List<String> order = ids(queue);
        for (String listed : List.of(offered, requested, reconciled, dropped)) {
            assertThat(order.indexOf(listed)).as("a later claim on an open round's list first")
                    .isLessThan(order.indexOf(waitingLong));
            JsonNode item = item(queue, listed);
            assertThat(item.get("onExchangeList").booleanValue()).isTrue();
            assertThat(item.get("priority")).hasSize(1);
            assertThat(item.get("priority").get(0).get("kind").stringValue()).isEqualTo("EXCHANGE_ROUND");
            assertThat(item.get("priority").get(0).get("id").stringValue()).isEqualTo(round);
            assertThat(item.get("priority").get(0).get("title").stringValue()).isEqualTo("Queue first round");
        }
        assertThat(order.indexOf(dropped)).as("then the oldest claim first").isLessThan(order.indexOf(offered));
        assertThat(item(queue, waitingLong).get("onExchangeList").booleanValue()).isFalse();
        assertThat(item(queue, waitingLong).get("priority")).isEmpty();

        // version 2 drops Q-2: a person named by an earlier version only does not count
        submitted(negotiatorA, requests, """
                {"basedOn": 1, "entries": [{"ref": "Q-1", "personId": "%s"},
                  {"ref": "Q-3", "surname": "Priorytetnyi", "givenName": "Yevstafii", "dateOfBirth": "1987-09-23"}],
                 "removals": [{"ref": "Q-2", "reason": "FOUND_ELSEWHERE"}]}""".formatted(requested));
        queue = queue();
        ordered(queue);
        assertThat(item(queue, dropped).get("onExchangeList").booleanValue()).isFalse();
        assertThat(ids(queue).indexOf(dropped)).isGreaterThan(ids(queue).indexOf(waitingLong));
        assertThat(item(queue, requested).get("onExchangeList").booleanValue()).isTrue();
        assertThat(item(queue, reconciled).get("onExchangeList").booleanValue()).as("still matched").isTrue();

        // a match the holder rejected names nobody; a person the holder confirms or picks is named
        assertThat(negotiatorB.post(requests + "/2/reconciliation/Q-3", "{\"decision\": \"REJECT\"}").status())
                .isEqualTo(200);
        assertThat(item(queue(), reconciled).get("onExchangeList").booleanValue()).isFalse();
        Response picked = negotiatorB.post(requests + "/2/reconciliation/Q-3",
                "{\"decision\": \"CONFIRM\", \"personId\": \"" + waitingLong + "\"}");
        assertThat(picked.status()).as(picked.body()).isEqualTo(200);
        queue = queue();
        ordered(queue);
        assertThat(item(queue, reconciled).get("onExchangeList").booleanValue()).isFalse();
        assertThat(item(queue, waitingLong).get("onExchangeList").booleanValue()).as("picked").isTrue();
        assertThat(ids(queue).indexOf(waitingLong)).isLessThan(ids(queue).indexOf(dropped));

        // the queue page marks them, naming and linking the round to its intermediary
        int position = ids(queue).indexOf(offered);
        HttpResponse<String> page = PageSession.of(port, "viewer@intermediary")
                .get("/wishes/queue?page=" + (position / 50 + 1));
        assertThat(page.statusCode()).isEqualTo(200);
        String row = row(page.body(), offered);
        assertThat(row).contains("queue-urgent").contains("Queue first round")
                .contains("href=\"/exchanges/" + round + "\"");
    }

    @Test
    void anAbandonedRoundCountsForNothingAndARoundWithoutTheIntermediaryIsNotNamed() {
        String onAbandoned = claimant("Покинутий", "Зиновій", "1979-01-02", 5);
        String onUnmediated = claimant("Безпосередній", "Ярема", "1978-02-03", 6);
        String abandoned = round("Queue abandoned round", true);
        String unmediated = round("Queue round without intermediary", false);
        submitted(negotiatorB, "/api/v1/exchanges/" + abandoned + "/lists/party-b/offer/versions",
                "{\"basedOn\": 0, \"entries\": [{\"personId\": \"" + onAbandoned + "\"}]}");
        submitted(negotiatorA, "/api/v1/exchanges/" + unmediated + "/lists/party-a/request/versions",
                "{\"basedOn\": 0, \"entries\": [{\"personId\": \"" + onUnmediated + "\"}]}");
        assertThat(item(queue(), onAbandoned).get("onExchangeList").booleanValue()).isTrue();

        Response abandon = negotiatorA.post("/api/v1/exchanges/" + abandoned + "/abandon", "{\"reason\": \"test\"}");
        assertThat(abandon.status()).as(abandon.body()).isEqualTo(200);
        List<JsonNode> queue = queue();
        ordered(queue);
        assertThat(item(queue, onAbandoned).get("onExchangeList").booleanValue()).isFalse();
        assertThat(item(queue, onAbandoned).get("priority")).isEmpty();

        JsonNode item = item(queue, onUnmediated);
        assertThat(item.get("onExchangeList").booleanValue()).isTrue();
        assertThat(item.get("priority")).hasSize(1);
        assertThat(item.get("priority").get(0).get("kind").stringValue()).isEqualTo("EXCHANGE_ROUND");
        assertThat(item.get("priority").get(0).has("id")).isFalse();
        assertThat(item.get("priority").get(0).has("title")).isFalse();
        assertThat(queue.toString()).doesNotContain("Queue round without intermediary").doesNotContain(unmediated);

        int position = ids(queue).indexOf(onUnmediated);
        String body = PageSession.of(port, "viewer@intermediary").get("/wishes/queue?page=" + (position / 50 + 1))
                .body();
        String row = row(body, onUnmediated);
        assertThat(row).contains("queue-urgent").contains("On the lists of an open exchange round")
                .doesNotContain("Queue round without intermediary").doesNotContain(unmediated);
    }

    @Test
    void thePersonsTheLatestExchangeListReleasesComeFirstToo() {
        String released = claimant("Обмінюваний", "Северин", "1981-09-10", 4);
        String round = round("Queue exchange-list round", true);
        String requests = "/api/v1/exchanges/" + round + "/lists/party-a/request/versions";
        submitted(negotiatorA, requests, "{\"basedOn\": 0, \"entries\": [{\"ref\": \"Q-1\", \"personId\": \""
                + released + "\"}]}");
        submitted(negotiatorA, "/api/v1/exchanges/" + round + "/proposals", "{\"balance\": \"ALL_FOR_ALL\"}");
        // the request no longer names him; the exchange list still releases him
        submitted(negotiatorA, requests, "{\"basedOn\": 1, \"entries\": [], \"removals\": [{\"ref\": \"Q-1\", "
                + "\"reason\": \"WITHDRAWN_BY_FAMILY\"}]}");
        assertThat(item(queue(), released).get("onExchangeList").booleanValue()).isTrue();
        submitted(negotiatorA, "/api/v1/exchanges/" + round + "/proposals", "{\"balance\": \"ALL_FOR_ALL\"}");
        assertThat(item(queue(), released).get("onExchangeList").booleanValue()).isFalse();
    }

    @Test
    void theExchangeFeatureIsTheQueuesSourceOfPriorityAndAnswersForManyPersonsAtOnce() {
        String listed = claimant("Численний", "Лука", "1977-04-05", 7);
        String round = round("Queue round of many", true);
        submitted(negotiatorB, "/api/v1/exchanges/" + round + "/lists/party-b/offer/versions",
                "{\"basedOn\": 0, \"entries\": [{\"personId\": \"" + listed + "\"}]}");
        assertThat(priorities).hasSize(1).first().isInstanceOf(OpenRoundPriority.class);
        Caller caller = TestCallers.of(users, "viewer@intermediary");
        QueuePriority source = priorities.get(0);
        assertThat(source.urgent(caller, List.of())).isEmpty();

        long person = publicIds.parse(PublicIds.Kind.PERSON, listed);
        List<Long> asked = new ArrayList<>(LongStream.rangeClosed(person + 1, person + 20_000).boxed().toList());
        asked.add(person);
        Map<Long, List<QueuePriority.Reason>> urgent = source.urgent(caller, asked);
        assertThat(urgent).containsKey(person);
        assertThat(urgent.get(person)).containsExactly(new QueuePriority.Reason("EXCHANGE_ROUND", round,
                "Queue round of many", "/exchanges/" + round));
        assertThat(source.urgent(TestCallers.of(users, "viewer@party-a"), List.of(person)).get(person))
                .as("a caller not the round's intermediary is not told which round")
                .containsExactly(new QueuePriority.Reason("EXCHANGE_ROUND", null, null, null));
    }
}
