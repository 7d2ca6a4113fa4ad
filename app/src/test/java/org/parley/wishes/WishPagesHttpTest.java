package org.parley.wishes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.ApiClient;
import org.parley.ApiClient.Response;
import org.parley.ParleyTest;
import org.parley.web.WebLogin;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The wish section of the person page and the interview queue over plain HTTP: no statement form, and the reason in
 * the reader's language, once a person has left custody; the Art. 110 banner only while held; names with their
 * official Latin spelling.
 */
@ParleyTest
class WishPagesHttpTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    private ApiClient registrarA;
    private ApiClient registrarB;

    @BeforeEach
    void clients() {
        ApiClient anonymous = new ApiClient(port);
        registrarA = anonymous.as("registrar@party-a");
        registrarB = anonymous.as("registrar@party-b");
    }

    /** A notified person {@code registrar} holds, of the other party's origin, with a claim taken on {@code claimed}. */
    private String personWithClaim(ApiClient registrar, String holder, String origin, String surname, String given,
            String language, boolean seriouslyIll, LocalDate captured, LocalDate claimed) {
        Response created = registrar.post("/api/v1/persons", """
                {"surname": "%s", "givenName": "%s", "nameLanguage": "%s", "holdingParty": "%s",
                 "powerOfOrigin": "%s", "captureDate": "%s", "seriouslyIllOrWounded": %s}"""
                .formatted(surname, given, language, holder, origin, captured, seriouslyIll));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").stringValue();
        assertThat(registrar.post("/api/v1/persons/" + id + "/events", "{\"type\": \"NOTIFIED\", \"occurredOn\": \""
                + captured.plusDays(1) + "\"}").status()).isEqualTo(201);
        Response claim = registrar.post("/api/v1/persons/" + id + "/statements", """
                {"wish": "NOT_RETURN", "method": "INTERROGATION", "takenOn": "%s"}""".formatted(claimed));
        assertThat(claim.status()).as(claim.body()).isEqualTo(201);
        return id;
    }

    private void release(ApiClient registrar, String id, LocalDate on) {
        Response released = registrar.post("/api/v1/persons/" + id + "/events",
                "{\"type\": \"RELEASED\", \"occurredOn\": \"" + on + "\"}");
        assertThat(released.status()).as(released.body()).isEqualTo(201);
    }

    private long statements() {
        return jdbc.sql("select count(*) from wish_statement").query(Long.class).single();
    }

    @Test
    void oncePersonIsReleasedThePageOffersNoStatementFormSaysWhyAndDropsTheArt110Banner() throws Exception {
        LocalDate captured = LocalDate.now().minusDays(90);
        String id = personWithClaim(registrarA, "party-a", "party-b", "Відпущений", "Марко", "uk", true, captured,
                captured.plusDays(3));
        Session registrar = Session.of(port, "registrar@party-a");
        String held = registrar.get("/persons/" + id).body();
        assertThat(held).contains("id=\"art110\"").contains("id=\"statement-form\"")
                .doesNotContain("id=\"statement-closed\"");

        release(registrarA, id, captured.plusDays(10));
        HttpResponse<String> page = registrar.get("/persons/" + id);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("id=\"art110\"").doesNotContain("id=\"statement-form\"")
                .contains("id=\"statement-closed\"")
                .contains("Statements about going home are recorded only while the person is held. Status of this "
                        + "person: Released.");
        assertThat(registrar.get("/persons/" + id, "parley-lang=uk").body())
                .contains("Заяви щодо повернення додому записують лише тоді, коли особу утримують. Статус цієї "
                        + "особи: Звільнено.");
        assertThat(Session.of(port, "interviewer@intermediary").get("/persons/" + id, "parley-lang=ru").body())
                .doesNotContain("id=\"statement-form\"")
                .contains("Заявления о возвращении домой записываются, только пока лицо удерживается. Статус этого "
                        + "лица: Освобождён(а).");
        assertThat(Session.of(port, "viewer@party-b").get("/persons/" + id).body())
                .as("the power of origin records nothing anyway: no reason to give")
                .doesNotContain("id=\"statement-closed\"").doesNotContain("id=\"statement-form\"");

        long before = statements();
        HttpResponse<String> posted = registrar.post("/persons/" + id + "/statements",
                "wish=RETURN&method=INTERROGATION&text=after");
        assertThat(posted.statusCode()).isEqualTo(409);
        assertThat(posted.body()).contains("id=\"statement-closed\"").contains("Status of this person: Released.")
                .doesNotContain("id=\"statement-form\"");
        assertThat(statements()).as("nothing stored").isEqualTo(before);
    }

    @Test
    void theQueueShowsTheLatinSpellingBesideACyrillicNameAndTheArt110MarkOfPersonsHeld() throws Exception {
        LocalDate captured = LocalDate.of(2009, 3, 2);
        String russian = personWithClaim(registrarB, "party-b", "party-a", "Алексеев", "Андрей", "ru", true,
                captured, captured.plusDays(2));
        String ukrainian = personWithClaim(registrarA, "party-a", "party-b", "Щербак", "Юрій", "uk", false,
                captured, captured.plusDays(3));
        Session interviewer = Session.of(port, "interviewer@intermediary");

        String row = queueRow(interviewer, russian);
        assertThat(row).as("ICAO 9303 for a Russian name")
                .contains("<bdi class=\"name-as-written\" lang=\"ru\">Алексеев Андрей</bdi>")
                .contains("<span class=\"name-latin\" lang=\"ru-Latn\"> <bdi>Alekseev Andrei</bdi></span>")
                .contains("class=\"badge badge-alert art110\"");
        assertThat(queueRow(interviewer, ukrainian)).as("KMU 55/2010 for a Ukrainian name")
                .contains("<bdi class=\"name-as-written\" lang=\"uk\">Щербак Юрій</bdi>")
                .contains("<bdi>Shcherbak Yurii</bdi>").doesNotContain("art110");

        release(registrarB, russian, captured.plusDays(30));
        assertThat(queueRow(interviewer, russian)).as("nobody to interview once released").isNull();
    }

    /** The queue page's row of a person (whitespace folded), looking through every page; null if none. */
    private static String queueRow(Session session, String personId) throws Exception {
        for (int page = 1; page < 100; page++) {
            String body = session.get("/wishes/queue?page=" + page).body().replaceAll("\\s+", " ");
            int at = body.indexOf("id=\"queue-" + personId + "\"");
            if (at >= 0) {
                return body.substring(at, body.indexOf("</tr>", at));
            }
            if (!body.contains("rel=\"next\"") && !body.contains("?page=" + (page + 1))) {
                return null;
            }
        }
        return null;
    }

    /** A logged-in browser session over HTTP: GETs, and form posts with the session's CSRF token. */
    private record Session(int port, String cookie, String[] csrf) {

        static Session of(int port, String username) throws IOException, InterruptedException {
            return new Session(port, WebLogin.cookie(port, username), new String[1]);
        }

        HttpResponse<String> get(String path, String... cookies) throws IOException, InterruptedException {
            HttpResponse<String> response = HTTP.send(request(path, cookies)
                    .header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
            Matcher token = CSRF.matcher(response.body());
            if (token.find()) {
                csrf[0] = token.group(1);
            }
            return response;
        }

        HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
            String body = "_csrf=" + URLEncoder.encode(csrf[0], StandardCharsets.UTF_8) + "&" + form;
            return HTTP.send(request(path).header("Accept", "text/html")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }

        private HttpRequest.Builder request(String path, String... cookies) {
            return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Cookie", cookie + (cookies.length == 0 ? "" : "; " + String.join("; ", cookies)));
        }
    }
}
