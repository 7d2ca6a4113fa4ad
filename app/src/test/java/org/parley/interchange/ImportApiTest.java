package org.parley.interchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.ApiClient;
import org.parley.ParleyTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@code POST /api/v1/imports} and what it answers, as a registrar uses it. */
@ParleyTest
class ImportApiTest {

    @LocalServerPort
    int port;

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void anImportRunsInTheBackgroundAndTellsItsStateCountsAndRejectedRows() {
        ApiClient registrar = new ApiClient(port).as("registrar@party-a");
        byte[] file = utf8("Фамилия;Имя;Дата рождения;Номер\nПетренко;Иван;01.01.1990;API-IMP-1\n"
                + "Сидоренко;Пётр;31.02.1990;API-IMP-2\nОрлов;Олег;1985;API-IMP-3\n");
        ApiClient.Response started = ImportUploads.post(registrar,
                Map.of("holdingParty", "party-a", "powerOfOrigin", "party-b", "skipBadRows", "true"),
                Map.of("file", file));
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String id = started.json().get("id").stringValue();
        assertThat(started.json().get("state").stringValue()).isIn("QUEUED", "RUNNING", "DONE");
        assertThat(started.json().at("/links/self").stringValue()).isEqualTo("/api/v1/imports/" + id);

        ApiClient.Response done = ImportUploads.awaitEnd(registrar, id);
        assertThat(done.json().get("state").stringValue()).as(done.body()).isEqualTo("DONE");
        assertThat(done.json().at("/counts/new").asLong()).isEqualTo(2);
        assertThat(done.json().at("/counts/rejected").asLong()).isEqualTo(1);
        assertThat(done.json().at("/progress/rowsRead").asLong()).isEqualTo(3);
        assertThat(done.json().at("/progress/totalBytes").asLong()).isEqualTo(file.length);
        assertThat(done.json().at("/rejected/0/line").asLong()).isEqualTo(3);
        assertThat(done.json().at("/rejected/0/field").stringValue()).isEqualTo("date_of_birth");
        assertThat(done.json().at("/rejected/0/reason").stringValue()).isEqualTo("is not a date");

        ApiClient.Download report = registrar.download("/api/v1/imports/" + id + "/rejected.csv", "en");
        assertThat(report.contentType()).startsWith("text/csv");
        assertThat(new String(report.body(), StandardCharsets.UTF_8))
                .isEqualTo("line,field,value,reason\r\n3,date_of_birth,31.02.1990,is not a date\r\n");

        ApiClient.Response again = ImportUploads.awaitEnd(registrar, ImportUploads.post(registrar,
                Map.of("holdingParty", "party-a", "powerOfOrigin", "party-b", "skipBadRows", "true"),
                Map.of("file", file)).json().get("id").stringValue());
        assertThat(again.json().at("/counts/new").asLong()).isZero();
        assertThat(again.json().at("/counts/unchanged").asLong()).isEqualTo(2);
    }

    @Test
    void aFileWithBadRowsIsRefusedAndAMappingOrEncodingIsTaken() {
        ApiClient registrar = new ApiClient(port).as("registrar@party-b");
        ApiClient.Response refused = ImportUploads.awaitEnd(registrar, ImportUploads.post(registrar,
                Map.of("holdingParty", "party-b"), Map.of("file", utf8("surname,date_of_birth,prisoner_number\n"
                        + "Дуб,1990-13,API-IMP-B1\n"))).json().get("id").stringValue());
        assertThat(refused.json().get("state").stringValue()).isEqualTo("REFUSED");
        assertThat(refused.json().get("message").stringValue()).startsWith("1 row was rejected, so nothing was stored");
        assertThat(refused.json().at("/counts/new").asLong()).isZero();

        byte[] cp1251 = "Имя;Город\nАнтон;Київ\n".getBytes(java.nio.charset.Charset.forName("windows-1251"));
        ApiClient.Response mapped = ImportUploads.awaitEnd(registrar, ImportUploads.post(registrar,
                Map.of("holdingParty", "party-b", "encoding", "windows-1251",
                        "mapping", "{\"columns\": {\"Имя\": \"surname\", \"Город\": \"place_of_birth\"}}"),
                Map.of("file", cp1251)).json().get("id").stringValue());
        assertThat(mapped.json().get("state").stringValue()).as(mapped.body()).isEqualTo("DONE");
        assertThat(mapped.json().at("/counts/new").asLong()).isEqualTo(1);
    }

    @Test
    void badRequestsAreNamed() {
        ApiClient registrar = new ApiClient(port).as("registrar@party-a");
        ApiClient.Response noFile = ImportUploads.post(registrar, Map.of("holdingParty", "party-a"), Map.of());
        assertThat(noFile.status()).isEqualTo(400);
        assertThat(noFile.reason("file")).startsWith("is required");
        ApiClient.Response badMapping = ImportUploads.post(registrar, Map.of("holdingParty", "party-a",
                "mapping", "{\"columns\": 3}"), Map.of("file", utf8("surname\nA\n")));
        assertThat(badMapping.status()).isEqualTo(400);
        assertThat(badMapping.errorFields()).containsExactly("mapping");
        ApiClient.Response unknownParty = ImportUploads.post(registrar, Map.of("holdingParty", "party-z"),
                Map.of("file", utf8("surname\nA\n")));
        assertThat(unknownParty.status()).isEqualTo(400);
        assertThat(unknownParty.reason("holdingParty")).isEqualTo("'party-z' is not a known party");
        byte[] large = new byte[10 * 1024 * 1024 + 1];
        java.util.Arrays.fill(large, (byte) 'a');
        ApiClient.Response tooLarge = ImportUploads.post(registrar, Map.of("holdingParty", "party-a"),
                Map.of("file", large));
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.json().get("detail").stringValue()).contains("limit of 10485760 bytes");
        assertThat(registrar.get("/api/v1/imports/not-an-id").status()).isEqualTo(404);
        assertThat(registrar.get("/api/v1/imports/" + java.util.UUID.randomUUID()).status()).isEqualTo(404);
    }
}
