package org.parley.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.tracing.TracingRequests.record;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.ApiClient;
import org.parley.ParleyTest;
import org.parley.interchange.TracingImportUploads;
import org.parley.registry.PersonMatching;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A surname more persons share than a key may narrow down ({@link PersonMatching#MAX_BLOCK}): the search still finds
 * the sought person, through the rarer keys (given name and surname sound, given name and date of birth), whether it
 * runs when the request is recorded or as the standing search of an import. The surname is this test's own.
 */
@ParleyTest
class TracingCommonSurnameTest {

    private static final String SURNAME = "Ґжегожевський";
    private static final List<String> COMMON_GIVEN = List.of("Іван", "Петро", "Олег", "Андрій", "Микола");

    @LocalServerPort
    int port;

    private ApiClient as(String user) {
        return new ApiClient(port).as(user);
    }

    @Test
    void aPersonOfASurnameThousandsShareIsFoundByTheRarerKeys() {
        ApiClient registrar = as("registrar@party-a");
        String before = record(registrar, "{\"surname\": \"" + SURNAME + "\", \"givenName\": \"Онисим\", "
                + "\"dateOfBirth\": \"1983-05-07\"}");
        StringBuilder file = new StringBuilder("Фамилия;Имя;Дата рождения;Номер\n");
        int namesakes = PersonMatching.MAX_BLOCK + 100;
        for (int i = 0; i < namesakes; i++) {
            file.append(SURNAME).append(';').append(COMMON_GIVEN.get(i % COMMON_GIVEN.size())).append(';')
                    .append(String.format("%02d.%02d.%d", 1 + i % 28, 1 + i % 12, 1960 + i % 40)).append(";GZH-")
                    .append(i).append('\n');
        }
        // last, so that a search capped at the first persons by id would never reach it
        file.append(SURNAME).append(";Онисим;07.05.1983;GZH-SOUGHT\n");
        ApiClient.Response started = TracingImportUploads.post(registrar,
                Map.of("holdingParty", "party-a", "powerOfOrigin", "party-b"),
                Map.of("file", file.toString().getBytes(StandardCharsets.UTF_8)));
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        ApiClient.Response done = TracingImportUploads.awaitEnd(registrar, started.json().get("id").stringValue());
        assertThat(done.json().at("/counts/new").asLong()).as(done.body()).isEqualTo(namesakes + 1);

        JsonNode standing = registrar.get("/api/v1/tracing-requests/" + before).json();
        assertThat(standing.get("candidates")).as("the standing search").hasSize(1);
        assertThat(standing.at("/candidates/0/fullName").stringValue()).contains("Онисим");

        String after = record(registrar, "{\"surname\": \"Gzhehozhevskyi\", \"givenName\": \"Onysym\", "
                + "\"dateOfBirth\": \"1983\"}");
        JsonNode recorded = registrar.get("/api/v1/tracing-requests/" + after).json();
        assertThat(recorded.at("/candidates/0/fullName").stringValue()).as("the search when recorded")
                .contains("Онисим");
    }
}
