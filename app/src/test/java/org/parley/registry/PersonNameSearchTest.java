package org.parley.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.ApiClient;
import org.parley.ApiClient.Response;
import org.parley.ParleyTest;
import org.parley.names.Language;
import org.parley.names.Standard;
import org.parley.names.Transliteration;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The registry's name search finds persons across scripts, languages, spellings and word order. */
@ParleyTest
class PersonNameSearchTest {

    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port).as("registrar@party-b");
    }

    /**
     * A Cyrillic surname no other test uses, e.g. Коваленкобвдлмн: letters whose Latin spelling is unambiguous
     * (KMU 2010 writes both г and х with an h, so кг and х would collide).
     */
    private static String uniqueSurname() {
        String letters = "бвдлмнпрстф";
        StringBuilder name = new StringBuilder("Коваленко");
        UUID.randomUUID().toString().replace("-", "").chars().limit(8)
                .forEach(c -> name.append(letters.charAt(Character.digit(c, 16) % letters.length())));
        return name.toString();
    }

    private String create(String surname, String given, String patronymic) {
        Response response = api.post("/api/v1/persons", """
                {"surname": "%s", "givenName": "%s", "patronymic": "%s", "holdingParty": "party-b"}"""
                .formatted(surname, given, patronymic));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").stringValue();
    }

    private String findOne(String q) {
        Response found = api.get("/api/v1/persons?q=" + ApiClient.encode(q));
        assertThat(found.json().get("total").asLong()).as(q).isEqualTo(1);
        return found.json().get("items").get(0).get("id").stringValue();
    }

    @Test
    void latinRussianAndReorderedQueriesFindAUkrainianName() {
        String surname = uniqueSurname();
        String id = create(surname, "Олександр", "Сергійович");
        String latin = Transliteration.toLatin(surname, Standard.BGN_PCGN, Language.UKRAINIAN).orElseThrow();

        assertThat(findOne("Aleksandr " + latin)).isEqualTo(id);
        assertThat(findOne(latin + " Oleksandr")).isEqualTo(id);
        assertThat(findOne("Alexander " + latin.toUpperCase())).isEqualTo(id);
        assertThat(findOne(surname + " Олександр")).isEqualTo(id);
        assertThat(findOne("Александр Сергеевич " + surname)).isEqualTo(id);
        Response other = api.get("/api/v1/persons?q=" + ApiClient.encode("Andrii " + latin));
        assertThat(other.json().get("total").asLong()).isZero();
    }

    @Test
    void keysFollowUpdates() {
        String surname = uniqueSurname();
        String id = create(surname, "Юрій", "Петрович");
        String latin = Transliteration.toLatin(surname, Standard.KMU_2010, Language.UKRAINIAN).orElseThrow();
        assertThat(findOne("Iurii " + latin)).isEqualTo(id);

        Response updated = api.patch("/api/v1/persons/" + id, """
                {"version": 1, "givenName": "Іван", "reason": "name corrected"}""");
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(findOne("Ivan " + latin)).isEqualTo(id);
        assertThat(api.get("/api/v1/persons?q=" + ApiClient.encode("Yurii " + latin)).json().get("total").asLong())
                .isZero();
    }
}
