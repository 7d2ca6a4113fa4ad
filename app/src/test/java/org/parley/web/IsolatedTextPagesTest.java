package org.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.ApiClient;
import org.parley.ApiClient.Response;
import org.parley.ParleyTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Names and other text people enter are shown in {@code <bdi>}, so that right-to-left text (or a direction override
 * stored before overrides were refused) cannot reorder the page around it; the statement form refuses what the API
 * refuses.
 */
@ParleyTest
class IsolatedTextPagesTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private String session;
    private ApiClient api;

    @BeforeEach
    void logIn() throws Exception {
        session = WebLogin.cookie(port, "registrar@party-a");
        api = new ApiClient(port).as("registrar@party-a");
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Cookie", session).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** An Arabic surname no other test uses. */
    private static String arabicSurname() {
        String letters = "بتثجحخدذرزسشصضطظعغفقكلمنهوي";
        StringBuilder name = new StringBuilder("حداد");
        new Random().ints(6, 0, letters.length()).forEach(i -> name.append(letters.charAt(i)));
        return name.toString();
    }

    private JsonNode person(String surname) {
        Response created = api.post("/api/v1/persons", """
                {"surname": "%s", "givenName": "Ahmad", "rank": "رقيب", "holdingParty": "party-a",
                 "powerOfOrigin": "party-b", "captureDate": "2024-01-10"}""".formatted(surname));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        Response event = api.post("/api/v1/persons/" + id + "/events", """
                {"type": "INTERNED", "occurredOn": "2024-01-20", "place": "مخيم 3", "note": "وصل بصحة جيدة"}""");
        assertThat(event.status()).as(event.body()).isEqualTo(201);
        Response statement = api.post("/api/v1/persons/" + id + "/statements", """
                {"wish": "RETURN", "method": "INTERROGATION", "place": "مخيم 3", "text": "يريد العودة"}""");
        assertThat(statement.status()).as(statement.body()).isEqualTo(201);
        return created.json();
    }

    @Test
    void namesAndEnteredTextAreIsolatedInTheListAndThePersonPage() throws Exception {
        String surname = arabicSurname();
        JsonNode person = person(surname);
        String fullName = surname + " Ahmad";

        HttpResponse<String> list = get("/persons?q=" + URLEncoder.encode(surname, StandardCharsets.UTF_8));
        assertThat(list.statusCode()).isEqualTo(200);
        // the list writes names through the layout's person-name fragment
        assertThat(list.body()).contains("<bdi class=\"name-as-written\">" + fullName + "</bdi>")
                .contains("<bdi>رقيب</bdi>");

        HttpResponse<String> page = get("/persons/" + person.get("id").asString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<bdi class=\"name-as-written\">" + fullName + "</bdi>")
                .as("the surname fact").contains("<bdi>" + surname + "</bdi>")
                .as("event place and note").contains("<bdi>مخيم 3</bdi>").contains("<bdi>وصل بصحة جيدة</bdi>")
                .as("statement text").contains("<bdi>يريد العودة</bdi>");
    }

    @Test
    void theStatementFormRefusesADirectionOverride() throws Exception {
        String id = person(arabicSurname()).get("id").asString();
        HttpResponse<String> page = get("/persons/" + id);
        Matcher csrf = CSRF.matcher(page.body());
        assertThat(csrf.find()).isTrue();
        String form = "wish=RETURN&method=INTERROGATION&place=" + URLEncoder.encode("مخيم\u202E3", StandardCharsets.UTF_8)
                + "&text=" + URLEncoder.encode("يريد\r\nالعودة", StandardCharsets.UTF_8) + "&_csrf=" + csrf.group(1);
        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/persons/" + id + "/statements")).header("Cookie", session)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"statement-errors\"")
                .contains("place: contains U+202E RIGHT-TO-LEFT OVERRIDE");
        assertThat(api.get("/api/v1/persons/" + id + "/statements").json().get("items")).hasSize(1);
    }
}
