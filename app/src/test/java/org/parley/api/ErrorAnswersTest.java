package org.parley.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.ApiClient;
import org.parley.ApiClient.Response;
import org.parley.ParleyTest;
import org.parley.RawHttp;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every error the API can meet answers an RFC 9457 problem detail in plain words — never a framework's message, a
 * class name, a setting's name or Tomcat's HTML page — whether Parley's code, Spring MVC or Tomcat refused it.
 */
@ParleyTest
class ErrorAnswersTest {

    @LocalServerPort
    int port;

    ApiClient registrar;

    @BeforeEach
    void client() {
        registrar = new ApiClient(port).as("registrar@party-a");
    }

    /** A problem detail of the given type that names nothing of the server's insides. */
    private static void assertPlainProblem(Response response, int status, String type) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").stringValue()).isEqualTo("urn:parley:problem:" + type);
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
        assertThat(response.body()).doesNotContain("Exception", "exception", "static resource", "Constraints",
                "StreamRead", "jackson", "springframework", "apache", "`", "Source:", "REDACTED");
    }

    private static String reason(Response response) {
        return response.json().get("errors").get(0).get("reason").stringValue();
    }

    @Test
    void anUnknownAddressIsNotFound() {
        Response unknown = registrar.get("/api/v1/no-such-thing");
        assertPlainProblem(unknown, 404, "not-found");
        assertThat(unknown.json().get("detail").stringValue()).isEqualTo("There is nothing at this address.");
    }

    @Test
    void aWrongMethodSaysWhichOnesTheAddressTakes() {
        Response wrong = registrar.delete("/api/v1/organisations");
        assertPlainProblem(wrong, 405, "method-not-allowed");
        assertThat(wrong.json().get("detail").stringValue())
                .isEqualTo("DELETE is not allowed at this address; it takes GET.");
    }

    @Test
    void aBodyOfAnotherMediaTypeIsRefusedWithTheOneToUse() {
        Response text = registrar.send(HttpRequest.newBuilder(registrar.uri("/api/v1/persons"))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("surname")));
        assertPlainProblem(text, 415, "unsupported-media-type");
        assertThat(text.json().get("detail").stringValue()).startsWith("Send the body as application/json");
    }

    @Test
    void anAnswerTheClientDoesNotAcceptIsRefusedWithTheOneOnOffer() {
        Response html = registrar.send(HttpRequest.newBuilder(registrar.uri("/api/v1/organisations"))
                .header("Accept", "text/html"));
        assertPlainProblem(html, 406, "not-acceptable");
        assertThat(html.json().get("detail").stringValue()).startsWith("This address answers application/json");
    }

    @Test
    void malformedJsonNamesThePosition() {
        Response cut = registrar.post("/api/v1/persons", "{\"surname\": \"Шевчук\",\n \"rank\": ");
        assertPlainProblem(cut, 400, "invalid-input");
        assertThat(reason(cut)).isEqualTo("malformed JSON at line 2, column 10: it ends before it is complete");
        Response broken = registrar.post("/api/v1/persons", "{\"surname\" \"Шевчук\"}");
        assertPlainProblem(broken, 400, "invalid-input");
        assertThat(reason(broken)).isEqualTo("malformed JSON at line 1, column 12");
    }

    @Test
    void jsonBeyondTheParsersLimitsIsRefusedInPlainWords() {
        String[] beyond = {"{\"surname\": " + "7".repeat(2_000) + "}", "[".repeat(3_000),
                "{\"" + "s".repeat(60_000) + "\": 1}"};
        for (String body : beyond) {
            Response refused = registrar.post("/api/v1/persons", body);
            assertPlainProblem(refused, 400, "invalid-input");
            assertThat(reason(refused)).startsWith("the JSON goes beyond what this server reads")
                    .contains("numbers of at most 1000 digits", "nested at most 500 levels deep");
        }
    }

    @Test
    void missingAndIllTypedParametersAreNamed() {
        Response missing = registrar.get("/api/v1/audit/consistency?from=1");
        assertPlainProblem(missing, 400, "invalid-input");
        assertThat(missing.json().get("errors").get(0).get("field").stringValue()).isEqualTo("to");
        assertThat(reason(missing)).isEqualTo("is required");

        Response illTyped = registrar.get("/api/v1/audit/consistency?from=one&to=2");
        assertPlainProblem(illTyped, 400, "invalid-input");
        assertThat(illTyped.json().get("errors").get(0).get("field").stringValue()).isEqualTo("from");
        assertThat(reason(illTyped)).isEqualTo("'one' is not a whole number");

        Response pathSegment = registrar.get("/api/v1/audit/checkpoints/latest-but-one");
        assertPlainProblem(pathSegment, 400, "invalid-input");
        assertThat(pathSegment.json().get("errors").get(0).get("field").stringValue()).isEqualTo("size");
        assertThat(reason(pathSegment)).isEqualTo("'latest-but-one' is not a whole number");
    }

    @Test
    void anOversizedBodyIsAProblemDetail() {
        assertPlainProblem(registrar.post("/api/v1/persons", "{\"surname\": \"" + "ш".repeat(600_000) + "\"}"), 413,
                "body-too-large");
    }

    @Test
    void theErrorPageOpenedDirectlyIsNotFound() {
        Response direct = registrar.send(HttpRequest.newBuilder(registrar.uri("/error"))
                .header("Accept", "application/json"));
        assertPlainProblem(direct, 404, "not-found");
        assertThat(direct.body()).doesNotContain("999");
    }

    @Test
    void anOversizedQueryStringOrHeaderIsAProblemDetailNotTomcatsPage() {
        RawHttp.Response longQuery = RawHttp.send(port, "GET /api/v1/persons?q=" + "a".repeat(100_000) + " HTTP/1.1",
                "Host: localhost");
        RawHttp.Response longHeader = RawHttp.send(port, "GET /api/v1/persons HTTP/1.1", "Host: localhost",
                "X-Padding: " + "a".repeat(100_000));
        for (RawHttp.Response refused : new RawHttp.Response[] {longQuery, longHeader}) {
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.header("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(refused.body()).contains("\"type\":\"urn:parley:problem:bad-request\"")
                    .contains("longer than 8 KB").doesNotContain("<html", "Tomcat", "HTTP Status");
        }
    }
}
