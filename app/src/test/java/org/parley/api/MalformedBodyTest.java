package org.parley.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.parley.ApiClient;
import org.parley.ApiClient.Response;
import org.parley.ParleyTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Request bodies that are not valid UTF-8 are refused with 400 naming the problem, never decoded: Jackson on its own
 * reads the overlong C0 AF as "/" and F4 90 80 80 (above U+10FFFF) as two surrogates, and guesses UTF-16 from NUL
 * bytes.
 */
@ParleyTest
class MalformedBodyTest {

    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port).as("registrar@party-a");
    }

    private Response post(byte[] body, String contentType) {
        return api.send(HttpRequest.newBuilder(api.uri("/api/v1/persons")).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** A person body whose surname holds the given bytes between two Cyrillic letters, e.g. "Ко" C0 AF "валь". */
    private static byte[] bodyWith(String hexBytes, String surname) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("{\"holdingParty\": \"party-a\", \"surname\": \"" + surname.substring(0, 2))
                .getBytes(StandardCharsets.UTF_8));
        for (String hex : hexBytes.split(" ")) {
            out.write(Integer.parseInt(hex, 16));
        }
        out.writeBytes((surname.substring(2) + "\"}").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private long total() {
        return api.get("/api/v1/persons?size=1").json().get("total").asLong();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "overlong slash (2 bytes)|C0 AF|overlong",
            "overlong slash (3 bytes)|E0 80 AF|overlong",
            "overlong slash (4 bytes)|F0 80 80 AF|overlong",
            "overlong letter|C1 81|overlong",
            "surrogate encoded in UTF-8|ED A0 80|surrogate",
            "low surrogate encoded in UTF-8|ED BF BF|surrogate",
            "above U+10FFFF|F4 90 80 80|above U+10FFFF",
            "five-byte form|F8 88 80 80 80|never",
            "byte FF|FF|never",
            "lone continuation byte|80|continuation",
            "two-byte sequence cut short|D0|cut short",
            "three-byte sequence cut short|E2 82|cut short",
            "four-byte sequence cut short|F0 9F 98|cut short",
    })
    void invalidUtf8IsRefusedAndNotDecoded(String label, String bytes, String named) {
        long before = total();
        String surname = "Ковальнеutf";
        Response response = post(bodyWith(bytes, surname), "application/json");
        assertThat(response.status()).as(label + ": " + response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").stringValue()).isEqualTo("urn:parley:problem:invalid-input");
        JsonErrors errors = new JsonErrors(response);
        assertThat(errors.fields()).containsExactly("body");
        assertThat(errors.reason("body")).startsWith("the body is not valid UTF-8").contains(named)
                .contains("offset 44");
        assertThat(total()).isEqualTo(before);
    }

    @Test
    void aSequenceCutShortByTheEndOfTheBodyIsRefused() {
        byte[] body = "{\"surname\": \"Ко\"}".getBytes(StandardCharsets.UTF_8);
        byte[] cut = Arrays.copyOf(body, body.length + 1);
        cut[cut.length - 1] = (byte) 0xD0;
        Response response = post(cut, "application/json");
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(new JsonErrors(response).reason("body")).startsWith("the body is not valid UTF-8")
                .contains("cut short by the end of the body");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"UTF-16LE|application/json", "UTF-16BE|application/json",
            "UTF-16LE|application/json;charset=UTF-16LE", "UTF-32BE|application/json"})
    void aBodyInAnotherEncodingIsRefused(String charset, String contentType) {
        long before = total();
        byte[] body = "{\"surname\": \"Utf-sixteen\", \"holdingParty\": \"party-a\"}"
                .getBytes(Charset.forName(charset));
        Response response = post(body, contentType);
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(new JsonErrors(response).reason("body")).startsWith("the body is not valid UTF-8")
                .contains("NUL");
        assertThat(total()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"Коваль", "José 🙂 Müller", "حداد", "王秀英"})
    void validUtf8StillPasses(String surname) {
        Response response = post(("{\"surname\": \"" + surname + "\", \"holdingParty\": \"party-a\"}")
                .getBytes(StandardCharsets.UTF_8), "application/json");
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.json().get("surname").stringValue()).isEqualTo(surname);
    }

    /** The {@code errors} of a problem detail. */
    private record JsonErrors(Response response) {
        List<String> fields() {
            List<String> fields = new ArrayList<>();
            response.json().get("errors").forEach(e -> fields.add(e.get("field").stringValue()));
            return fields;
        }

        String reason(String field) {
            for (JsonNode error : response.json().get("errors")) {
                if (error.get("field").stringValue().equals(field)) {
                    return error.get("reason").stringValue();
                }
            }
            throw new AssertionError("no error for " + field + " in " + response.body());
        }
    }
}
