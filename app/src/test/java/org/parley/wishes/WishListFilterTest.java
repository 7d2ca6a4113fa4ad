package org.parley.wishes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.ApiClient;
import org.parley.ApiClient.Response;
import org.parley.ParleyTest;
import org.parley.api.PublicIds;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The wish status as a column and filter of the person list ({@code GET /api/v1/persons?wishStatus=}): it finds
 * exactly the persons with that status, follows every new statement, and tells nobody about a person they may not
 * see — neither in the items nor in the count.
 */
@ParleyTest
class WishListFilterTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PublicIds publicIds;

    private ApiClient registrarA;
    private ApiClient registrarB;
    private ApiClient interviewer;
    private final LocalDate captured = LocalDate.now().minusDays(60);

    @BeforeEach
    void clients() {
        ApiClient anonymous = new ApiClient(port);
        registrarA = anonymous.as("registrar@party-a");
        registrarB = anonymous.as("registrar@party-b");
        interviewer = anonymous.as("interviewer@intermediary");
    }

    private static String uniqueWord() {
        String letters = "бвдлмнпрстф";
        StringBuilder word = new StringBuilder("Бажаний");
        UUID.randomUUID().toString().replace("-", "").chars().limit(8)
                .forEach(c -> word.append(letters.charAt(Character.digit(c, 16) % letters.length())));
        return word.toString();
    }

    /** A person held by Party A, a national of Party B, with the given name {@code token}; notified or not. */
    private String person(String token, String surname, boolean notified) {
        Response created = registrarA.post("/api/v1/persons", """
                {"surname": "%s", "givenName": "%s", "holdingParty": "party-a", "powerOfOrigin": "party-b",
                 "captureDate": "%s"}""".formatted(surname, token, captured));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").stringValue();
        if (notified) {
            assertThat(registrarA.post("/api/v1/persons/" + id + "/events", "{\"type\": \"NOTIFIED\", "
                    + "\"occurredOn\": \"" + captured.plusDays(1) + "\"}").status()).isEqualTo(201);
        }
        return id;
    }

    private void statement(ApiClient by, String person, String wish, String method, int day) {
        Response recorded = by.post("/api/v1/persons/" + person + "/statements", """
                {"wish": "%s", "method": "%s", "takenOn": "%s", "language": "uk", "text": "сказав"}"""
                .formatted(wish, method, captured.plusDays(day)));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
    }

    private static List<String> ids(Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        response.json().get("items").forEach(p -> ids.add(p.get("id").stringValue()));
        return ids;
    }

    private Response filtered(ApiClient client, String token, String status) {
        return client.get("/api/v1/persons?q=" + ApiClient.encode(token) + "&wishStatus=" + status + "&sort=name");
    }

    @Test
    void theFilterFindsExactlyThePersonsWithThatStatusAndFollowsNewStatements() {
        String token = uniqueWord();
        String declines = person(token, "Андрієнко", true);
        String returns = person(token, "Бабенко", true);
        String claims = person(token, "Василенко", true);
        String silent = person(token, "Гнатенко", true);
        String undecided = person(token, "Дмитренко", true);
        statement(interviewer, declines, "ASYLUM", "PRIVATE_INTERVIEW", 3);
        statement(interviewer, returns, "RETURN", "PRIVATE_INTERVIEW", 3);
        statement(registrarA, claims, "NOT_RETURN", "INTERROGATION", 3);
        statement(registrarA, undecided, "UNDECIDED", "INTERROGATION", 3);

        for (ApiClient reader : List.of(registrarA, registrarB, interviewer)) {
            assertThat(ids(filtered(reader, token, "VERIFIED_NOT_RETURNING"))).containsExactly(declines);
            assertThat(ids(filtered(reader, token, "VERIFIED_RETURN"))).containsExactly(returns);
            assertThat(ids(filtered(reader, token, "UNVERIFIED_CLAIM"))).containsExactly(claims);
            assertThat(ids(filtered(reader, token, "UNKNOWN"))).containsExactly(silent, undecided);
        }
        Map<String, String> expected = Map.of(declines, "VERIFIED_NOT_RETURNING", returns, "VERIFIED_RETURN",
                claims, "UNVERIFIED_CLAIM", silent, "UNKNOWN", undecided, "UNKNOWN");
        for (JsonNode item : registrarB.get("/api/v1/persons?q=" + ApiClient.encode(token)).json().get("items")) {
            assertThat(item.get("wishStatus").stringValue()).as("the column and the filter agree")
                    .isEqualTo(expected.get(item.get("id").stringValue()));
        }

        // the intermediary verifies the claim the other way: the person moves to the other status at once
        statement(interviewer, claims, "RETURN", "PRIVATE_INTERVIEW", 5);
        assertThat(ids(filtered(registrarA, token, "UNVERIFIED_CLAIM"))).isEmpty();
        assertThat(ids(filtered(registrarA, token, "VERIFIED_RETURN"))).containsExactly(returns, claims);
    }

    @Test
    void nobodyLearnsTheWishOfAPersonTheyMayNotSee() {
        String token = uniqueWord();
        String notified = person(token, "Євтушенко", true);
        String unnotified = person(token, "Жученко", false);
        statement(registrarA, notified, "NOT_RETURN", "INTERROGATION", 2);
        statement(registrarA, unnotified, "NOT_RETURN", "INTERROGATION", 2);

        assertThat(ids(filtered(registrarA, token, "UNVERIFIED_CLAIM"))).containsExactly(notified, unnotified);
        // Party B (the power of origin) and the intermediary see only the notified person, and count only it
        for (ApiClient other : List.of(registrarB, interviewer)) {
            Response claims = filtered(other, token, "UNVERIFIED_CLAIM");
            assertThat(ids(claims)).containsExactly(notified);
            assertThat(claims.json().get("total").asLong()).isEqualTo(1);
            Response unknown = filtered(other, token, "UNKNOWN");
            assertThat(unknown.json().get("total").asLong()).as("nor among those without a wish").isZero();
        }
        // a party that is neither holder nor origin of anything here would see nothing at all: the list of another
        // organisation's nationals it may not read stays empty whatever the filter
        Response all = registrarB.get("/api/v1/persons?wishStatus=UNVERIFIED_CLAIM&size=200");
        long hiddenId = publicIds.parse(PublicIds.Kind.PERSON, unnotified);
        all.json().get("items").forEach(p -> assertThat(p.get("id").stringValue()).isNotEqualTo(unnotified));
        long visibleClaims = jdbc.sql("""
                select count(*) from wish_status w join person p on p.id = w.person_id
                where w.status = 'UNVERIFIED_CLAIM' and (p.holding_party_id = (select id from organisation
                    where code = 'party-b') or (p.power_of_origin_id = (select id from organisation where code =
                    'party-b') and p.notified_on is not null) or p.id in (select person_id from person_former_origin
                    where organisation_id = (select id from organisation where code = 'party-b')))""")
                .query(Long.class).single();
        assertThat(all.json().get("total").asLong()).isEqualTo(visibleClaims);
        assertThat(jdbc.sql("select status from wish_status where person_id = :id").param("id", hiddenId)
                .query(String.class).single()).isEqualTo("UNVERIFIED_CLAIM");
    }

    @Test
    void anUnknownStatusIsRefusedNamingTheFieldAndTheChoices() {
        Response refused = registrarA.get("/api/v1/persons?wishStatus=MAYBE");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactly("wishStatus");
        assertThat(refused.reason("wishStatus")).contains("'MAYBE'")
                .contains(String.join(", ", Arrays.stream(WishStatus.values()).map(Enum::name).toList()));
    }

    @Test
    void theOpenApiDocumentDescribesTheFilterAndTheField() {
        JsonNode document = registrarA.get("/api/v1/openapi.json").json();
        JsonNode wishStatus = null;
        for (JsonNode p : document.get("paths").get("/api/v1/persons").get("get").get("parameters")) {
            if (p.get("name").stringValue().equals("wishStatus")) {
                wishStatus = p;
            }
        }
        assertThat(wishStatus).as("the wishStatus parameter").isNotNull();
        List<String> choices = new ArrayList<>();
        wishStatus.get("schema").get("enum").forEach(v -> choices.add(v.stringValue()));
        assertThat(choices).containsExactly("VERIFIED_RETURN", "VERIFIED_NOT_RETURNING", "UNVERIFIED_CLAIM", "UNKNOWN");
        JsonNode field = document.get("components").get("schemas").get("Person").get("properties").get("wishStatus");
        assertThat(field.get("enum").size()).isEqualTo(4);
        assertThat(field.get("description").stringValue()).contains("VERIFIED_NOT_RETURNING");
    }
}
