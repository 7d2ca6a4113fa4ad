package org.parley.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.parley.ApiClient;

/**
 * A hand-built set of persons captured in one month no other test and no demo person uses (one of 2011 for each
 * test class), so that the figures filtered to that month count them alone:
 * <ul>
 * <li>held by Party A, of Party B's origin: {@code a1} interned, armed forces, army, officer, good health, notified,
 * verified by the intermediary as wishing to return; {@code a2} captured, civilian internee, seriously wounded, not
 * notified; {@code a3} notified and released (out of custody);</li>
 * <li>held by Party B, of Party A's origin: {@code b1} hospitalised, navy, NCO, notified, with only Party B's own
 * claim that he does not wish to return; {@code b2} captured, not notified.</li>
 * </ul>
 */
record FigureFixture(LocalDate month, String a1, String a2, String a3, String b1, String b2) {

    /** The filter of the fixture's month, as query parameters. */
    String filter() {
        return "capturedFrom=" + month + "&capturedTo=" + month.plusMonths(1).minusDays(1);
    }

    /** Each test class its own month (all share one database): July 2011, August 2011, … */
    static FigureFixture create(int port, LocalDate month) {
        ApiClient anonymous = new ApiClient(port);
        ApiClient a = anonymous.as("registrar@party-a");
        ApiClient b = anonymous.as("registrar@party-b");
        ApiClient interviewer = anonymous.as("interviewer@intermediary");
        String a1 = person(a, month, "Фігуренко", "party-a", "party-b", 3, """
                "category": "ARMED_FORCES", "branch": "ARMY", "rankGroup": "OFFICER", "healthState": "GOOD_HEALTH",""");
        String a2 = person(a, month, "Фігурчук", "party-a", "party-b", 4, """
                "category": "CIVILIAN_INTERNEE", "healthState": "SERIOUSLY_WOUNDED", "seriouslyIllOrWounded": true,""");
        String a3 = person(a, month, "Фігурняк", "party-a", "party-b", 5, "");
        String b1 = person(b, month, "Цифиров", "party-b", "party-a", 6, """
                "category": "ARMED_FORCES", "branch": "NAVY", "rankGroup": "NCO",""");
        String b2 = person(b, month, "Цифиркин", "party-b", "party-a", 7, "");
        event(a, month, a1, "INTERNED", 10);
        event(b, month, b1, "HOSPITALISED", 10);
        notify(a, month, a1, 12);
        notify(a, month, a3, 12);
        notify(b, month, b1, 12);
        event(a, month, a3, "RELEASED", 20);
        statement(interviewer, month, a1, "RETURN", "PRIVATE_INTERVIEW");
        statement(b, month, b1, "NOT_RETURN", "INTERROGATION");
        return new FigureFixture(month, a1, a2, a3, b1, b2);
    }

    private static String person(ApiClient client, LocalDate month, String surname, String holder, String origin,
            int day, String facts) {
        ApiClient.Response created = client.post("/api/v1/persons", """
                {"surname": "%s", "givenName": "Тест", %s "holdingParty": "%s", "powerOfOrigin": "%s",
                 "captureDate": "%s"}""".formatted(surname, facts, holder, origin, month.plusDays(day - 1)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").stringValue();
    }

    private static void event(ApiClient client, LocalDate month, String id, String type, int day) {
        ApiClient.Response added = client.post("/api/v1/persons/" + id + "/events",
                "{\"type\": \"" + type + "\", \"occurredOn\": \"" + month.plusDays(day - 1) + "\"}");
        assertThat(added.status()).as(added.body()).isEqualTo(201);
    }

    private static void notify(ApiClient client, LocalDate month, String id, int day) {
        ApiClient.Response notified = client.post("/api/v1/persons/notifications",
                "{\"personIds\": [\"" + id + "\"], \"date\": \"" + month.plusDays(day - 1) + "\"}");
        assertThat(notified.status()).as(notified.body()).isEqualTo(201);
    }

    private static void statement(ApiClient client, LocalDate month, String id, String wish, String method) {
        ApiClient.Response recorded = client.post("/api/v1/persons/" + id + "/statements", """
                {"wish": "%s", "method": "%s", "takenOn": "%s", "place": "Табір 3", "language": "uk",
                 "interpreter": false, "text": "тест"}""".formatted(wish, method, month.plusDays(25)));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
    }
}
