package org.parley.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.parley.ParleyTest;
import org.parley.names.Script;
import org.junit.jupiter.api.BeforeEach;
import org.parley.TestCallers;
import org.parley.access.UserService;
import org.parley.web.WebLogin;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The web pages over plain HTTP: status codes, error pages, the no-JavaScript path, and CSP readiness. */
@ParleyTest
class PersonPagesHttpTest {

    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern INLINE_STYLE = Pattern.compile("<style|\\sstyle\\s*=", Pattern.CASE_INSENSITIVE);
    private static final Pattern INLINE_HANDLER = Pattern.compile("<[^>]*\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
    /** The language cookie of {@code web.WebConfiguration}, whose constant is not visible here. */
    private static final String LANGUAGE_COOKIE = "parley-lang";

    @LocalServerPort
    int port;
    @Autowired
    RegistryService registry;

    @Autowired
    UserService users;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private String session;

    @BeforeEach
    void logIn() throws Exception {
        session = WebLogin.cookie(port, "registrar@party-a");
    }

    /** A GET in the logged-in session; a Cookie header among {@code headers} is sent beside the session's. */
    private HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
        String cookie = session;
        for (int i = 0; i < headers.length; i += 2) {
            if (headers[i].equals("Cookie")) {
                cookie = cookie + "; " + headers[i + 1];
            } else {
                request.header(headers[i], headers[i + 1]);
            }
        }
        request.header("Cookie", cookie);
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String contentType(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    private static void assertReadableHtml(HttpResponse<String> response) {
        assertThat(contentType(response)).startsWith("text/html");
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.").doesNotContain("Whitelabel");
    }

    @Test
    void theRootLeadsToThePersonList() throws Exception {
        HttpResponse<String> response = get("/");
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/persons");
    }

    @ParameterizedTest
    @ValueSource(strings = {"status=NOPE", "category=lots", "branch=", "rankGroup=GENERALS", "capturedFrom=2024-13-01",
        "capturedTo=yesterday", "capturedFrom=2024-05-01&capturedTo=2024-01-01", "page=abc", "page=-3",
        "page=99999999999", "holdingParty=the-other-side", "powerOfOrigin=intermediary", "size=7&sort=evil"})
    void badFiltersGiveAReadableMessageAndNeverAServerError(String query) throws Exception {
        HttpResponse<String> response = get("/persons?" + query);
        assertThat(response.statusCode()).as(query).isIn(200, 400);
        assertReadableHtml(response);
        if (response.statusCode() == 400) {
            assertThat(response.body()).contains("notice-error");
        }
    }

    @Test
    void anUnknownOrderPageSizeOrWishStatusIsNamedInTheMessage() throws Exception {
        HttpResponse<String> response = get("/persons?sort=age&size=7&wishStatus=MAYBE");
        assertThat(response.statusCode()).isEqualTo(400);
        assertReadableHtml(response);
        assertThat(response.body()).contains("Order: “age” is not one of the orders of the list.")
                .contains("Rows per page: “7” is not one of 25, 50, 100, 200.")
                .contains("Repatriation wish: “MAYBE” is not one of the choices.");
    }

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    /** A form posted in the logged-in session, with its CSRF token unless {@code csrf} is false. */
    private HttpResponse<String> postForm(String path, String form, boolean csrf) throws Exception {
        Matcher token = CSRF.matcher(get("/persons").body());
        assertThat(token.find()).isTrue();
        String body = csrf ? form + "&_csrf=" + token.group(1) : form;
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Cookie", session).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theBatchNotificationNeedsItsCsrfTokenAndReturnsOnlyToTheList() throws Exception {
        Person person = registry.find(TestCallers.of(users, "registrar@party-a"),
                        new PersonFilter(null, "party-a", null, Status.INTERNED, null, null, null, null, null), 0, 200)
                .items().stream().filter(p -> p.notifiedOn() == null).findFirst().orElseThrow();
        String form = "personId=" + person.publicId() + "&date=" + java.time.LocalDate.now();
        HttpResponse<String> forged = postForm("/persons/notifications", form + "&back=%2Fpersons", false);
        assertThat(forged.statusCode()).as("no CSRF token, no notification").isEqualTo(403);
        assertThat(registry.get(TestCallers.of(users, "registrar@party-a"), person.id()).notifiedOn()).isNull();

        for (String elsewhere : List.of("https%3A%2F%2Fevil.example%2F", "%2F%2Fevil.example", "%2Fpersons%2F..%2Fadmin",
                "%2Fpersons%3Fq%3D%0D%0ASet-Cookie")) {
            HttpResponse<String> refused = postForm("/persons/notifications", "date=2024-01-01&back=" + elsewhere,
                    true);
            assertThat(refused.statusCode()).isEqualTo(302);
            assertThat(refused.headers().firstValue("Location").orElseThrow()).as(elsewhere).isEqualTo("/persons");
        }
        HttpResponse<String> none = postForm("/persons/notifications",
                "date=2024-01-01&back=%2Fpersons%3Fsort%3Dname%26size%3D25", true);
        assertThat(none.headers().firstValue("Location").orElseThrow()).isEqualTo("/persons?sort=name&size=25");
        // the message waits in the session for the list it returns to
        assertThat(get("/persons?sort=name&size=25").body()).contains("Select at least one person to notify.");
    }

    @Test
    void aBadStatusIsNamedInTheMessage() throws Exception {
        HttpResponse<String> response = get("/persons?status=NOPE");
        assertThat(response.statusCode()).isEqualTo(400);
        assertReadableHtml(response);
        assertThat(response.body()).contains("“NOPE” is not one of the choices");
    }

    @Test
    void filterMessagesAreTranslated() throws Exception {
        HttpResponse<String> response = get("/persons?status=NOPE&lang=uk");
        assertThat(response.body()).contains("<html lang=\"uk\"").contains("«NOPE» не є одним із варіантів вибору");
    }

    @Test
    void anUnknownPersonIsA404Page() throws Exception {
        for (String path : new String[] {"/persons/999999999", "/persons/not-a-number"}) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertReadableHtml(response);
            assertThat(response.body()).contains("<html lang=\"en\"").contains("Not found");
        }
        HttpResponse<String> russian = get("/persons/999999999?lang=ru");
        assertThat(russian.statusCode()).isEqualTo(404);
        assertThat(russian.body()).contains("Не найдено");
    }

    @Test
    void theApiStillAnswersWithProblemDetails() throws Exception {
        HttpResponse<String> response = get("/api/v1/persons/999999999", "Accept", "application/json");
        assertThat(response.statusCode()).as("the API takes tokens, not the page session").isEqualTo(401);
        assertThat(contentType(response)).startsWith("application/problem+json");
    }

    @Test
    void withoutJavaScriptTheSearchFormGivesTheWholePage() throws Exception {
        Person person = registry.find(TestCallers.of(users, "registrar@party-a"), PersonFilter.none(), 0, 200).items().stream()
                .filter(p -> p.nameScript() == Script.CYRILLIC && p.text(PersonField.SURNAME).matches("[\\p{IsCyrillic}]+"))
                .findFirst().orElseThrow();
        String surname = person.text(PersonField.SURNAME);
        HttpResponse<String> page = get("/persons?q=" + URLEncoder.encode(surname, StandardCharsets.UTF_8));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<html lang=\"en\"").contains("id=\"results\"").contains(surname)
                .contains("value=\"" + surname + "\"");
        assertThat(page.headers().allValues("Vary").toString()).contains("HX-Request");

        HttpResponse<String> fragment = get("/persons?q=" + URLEncoder.encode(surname, StandardCharsets.UTF_8),
                "HX-Request", "true", "HX-Target", "results");
        assertThat(fragment.statusCode()).isEqualTo(200);
        assertThat(fragment.body()).doesNotContain("<html").startsWith("<section id=\"results\"")
                .contains(surname).contains("hx-swap-oob=\"true\"");

        HttpResponse<String> restore = get("/persons?q=x", "HX-Request", "true", "HX-Target", "results",
                "HX-History-Restore-Request", "true");
        assertThat(restore.body()).as("a history restore needs the whole page").contains("<html");
    }

    @Test
    void theLanguageIsChosenWithLangAndKeptInACookie() throws Exception {
        HttpResponse<String> ukrainian = get("/persons?lang=uk");
        assertThat(ukrainian.body()).contains("<html lang=\"uk\"").contains(">Особи<");
        String cookie = ukrainian.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(LANGUAGE_COOKIE + "=")).findFirst().orElseThrow();
        HttpResponse<String> next = get("/persons", "Cookie", cookie.substring(0, cookie.indexOf(';')));
        assertThat(next.body()).contains("<html lang=\"uk\"");

        assertThat(get("/persons?lang=xx").body()).as("unknown languages fall back to English")
                .contains("<html lang=\"en\"");
        assertThat(get("/persons", "Cookie", LANGUAGE_COOKIE + "=tlh").body())
                .contains("<html lang=\"en\"");
    }

    @Test
    void theLanguageSwitchKeepsThePageAndItsQuery() throws Exception {
        String body = get("/persons?status=INTERNED&page=2").body();
        assertThat(body).contains("href=\"/persons?status=INTERNED&amp;page=2&amp;lang=ru\"")
                .contains(">Русский<").contains(">Українська<").contains(">English<");
    }

    @Test
    void pagesHaveNoInlineScriptsStylesOrHandlers() throws Exception {
        String id = registry.find(TestCallers.of(users, "registrar@party-a"), PersonFilter.none(), 0, 1).items().get(0)
                .publicId();
        for (String path : new String[] {"/persons", "/persons?status=NOPE", "/persons/" + id, "/persons/999999999"}) {
            String body = get(path).body();
            assertThat(INLINE_SCRIPT.matcher(body).find()).as("inline script in " + path).isFalse();
            assertThat(INLINE_STYLE.matcher(body).find()).as("inline style in " + path).isFalse();
            assertThat(INLINE_HANDLER.matcher(body).find()).as("inline event handler in " + path).isFalse();
            assertThat(body).as(path).containsPattern("/webjars/htmx.org/([0-9.]+/)?dist/htmx.min.js")
                    .contains("/css/parley.css");
        }
    }

    @Test
    void theStylesheetAndHtmxAreServed() throws Exception {
        assertThat(get("/css/parley.css").statusCode()).isEqualTo(200);
        HttpResponse<String> htmx = get("/webjars/htmx.org/dist/htmx.min.js");
        assertThat(htmx.statusCode()).isEqualTo(200);
        assertThat(htmx.body()).contains("htmx");
    }
}
