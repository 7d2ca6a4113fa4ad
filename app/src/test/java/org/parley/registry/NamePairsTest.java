package org.parley.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.ApiClient;
import org.parley.ApiClient.Response;
import org.parley.ParleyTest;
import org.parley.TestCallers;
import org.parley.access.UserService;
import org.parley.api.Caller;
import org.parley.interchange.ImportOptions;
import org.parley.interchange.ImportService;
import org.parley.names.Language;
import org.parley.names.Standard;
import org.parley.names.Transliteration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The name pairs and spellings of a search of common words (README, "Name search at a million persons"): every write
 * path keeps them as {@link SearchWords#pairs} gives them, and the search that reads them gives the pages the full
 * search gives for the persons so named. At the test registry's size no word is common: the searches here are told
 * that every word is ({@link PersonRepository.ListLimits}).
 */
@ParleyTest
class NamePairsTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PersonRepository persons;
    @Autowired
    UserService users;
    @Autowired
    ImportService imports;

    /** Every word common, namesakes read in full, one common word's total capped at 3. */
    private static final PersonRepository.ListLimits ALL_COMMON = new PersonRepository.ListLimits(
            PersonRepository.RANKED_IN_JAVA, 0, PersonRepository.NAMESAKES_READ, 3,
            PersonRepository.LIST_TOTAL_CAP);

    private static String uniqueSurname() {
        String letters = "бвдлмнпрстф";
        StringBuilder name = new StringBuilder("Пароненко");
        UUID.randomUUID().toString().replace("-", "").chars().limit(8)
                .forEach(c -> name.append(letters.charAt(Character.digit(c, 16) % letters.length())));
        return name.toString();
    }

    private long idOf(String surname) {
        return jdbc.sql("select id from person where surname = :s").param("s", surname).query(Long.class).single();
    }

    /** The person's stored pairs are those of its names, and the spellings table has its name under each. */
    private void assertPairs(long id, String surname, String given, String patronymic) {
        var expected = SearchWords.pairs(SearchWords.of(surname, given, patronymic, null, null));
        assertThat(jdbc.sql("select pair from person_name_pair where person_id = :id").param("id", id)
                .query(String.class).list()).as(surname + " " + given).containsExactlyInAnyOrderElementsOf(expected);
        List<String> spelled = jdbc.sql("select pair from name_spelling where surname = :s and given_name = :g")
                .param("s", surname).param("g", given).query(String.class).list();
        assertThat(spelled).containsAll(expected.stream().filter(SearchWords::givenNamePair).toList());
        List<String> names = SearchWords.of(surname, given, patronymic, null, null).stream()
                .filter(SearchWords.Word::nameAsWritten).map(SearchWords.Word::text).toList();
        assertThat(names).isNotEmpty();
        assertThat(jdbc.sql("select word from name_word where word = any(:w)").param("w", names.toArray(String[]::new))
                .query(String.class).list()).as("name words").containsExactlyInAnyOrderElementsOf(Set.copyOf(names));
    }

    @Test
    void registrationCorrectionAndImportStoreThePairs(@TempDir Path dir) throws Exception {
        ApiClient api = new ApiClient(port).as("registrar@party-b");
        String surname = uniqueSurname();
        Response created = api.post("/api/v1/persons", """
                {"surname": "%s", "givenName": "Олександр", "patronymic": "Сергійович", "holdingParty": "party-b"}"""
                .formatted(surname));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = idOf(surname);
        assertPairs(id, surname, "Олександр", "Сергійович");

        Response corrected = api.patch("/api/v1/persons/" + created.json().get("id").stringValue(), """
                {"version": 1, "givenName": "Іван", "reason": "name corrected"}""");
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
        assertPairs(id, surname, "Іван", "Сергійович");

        String imported = uniqueSurname();
        Path file = dir.resolve("persons.csv");
        Files.writeString(file, "surname,given_name,patronymic,prisoner_number\n" + imported + ",Петро,Іванович,NP-"
                + imported.hashCode() + "\n");
        Caller registrar = TestCallers.of(users, "registrar@party-a");
        imports.run(registrar, file, null, new ImportOptions("party-a", null, null, false, null),
                (rows, bytes, total) -> { });
        assertPairs(idOf(imported), imported, "Петро", "Іванович");
    }

    @Test
    void theSpellingAQueryWritesComesBeforeTheNamesItStandsFor() {
        ApiClient api = new ApiClient(port).as("registrar@party-b");
        String surname = uniqueSurname();
        for (String given : List.of("Олександр", "Александр")) {
            Response created = api.post("/api/v1/persons", """
                    {"surname": "%s", "givenName": "%s", "holdingParty": "party-b"}""".formatted(surname, given));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
        }
        String latin = Transliteration.toLatin(surname, Standard.KMU_2010, Language.UKRAINIAN).orElseThrow();
        // Oleksandr is Олександр's own key and Александр's only through the given-name table; Aleksandr the reverse
        for (String given : List.of("Oleksandr", "Aleksandr")) {
            Response found = api.get("/api/v1/persons?q=" + ApiClient.encode(given + " " + latin));
            assertThat(found.json().get("total").asLong()).isEqualTo(2);
            assertThat(found.json().get("items").get(0).get("givenName").stringValue())
                    .isEqualTo(given.equals("Oleksandr") ? "Олександр" : "Александр");
        }
    }

    @Test
    void anIso9SpellingFindsTheNameItsMarksSpell() {
        ApiClient api = new ApiClient(port).as("registrar@party-b");
        String surname = uniqueSurname();
        Response created = api.post("/api/v1/persons", """
                {"surname": "%s", "givenName": "Илья", "holdingParty": "party-b"}""".formatted(surname));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String given = Transliteration.toLatin("Илья", Standard.ISO_9, Language.RUSSIAN).orElseThrow();
        String latin = Transliteration.toLatin(surname, Standard.ISO_9, Language.RUSSIAN).orElseThrow();
        assertThat(given).isEqualTo("Ilʹâ");
        Response found = api.get("/api/v1/persons?q=" + ApiClient.encode(given + " " + latin));
        assertThat(found.json().get("total").asLong()).as(given + " " + latin).isEqualTo(1);
    }

    @Test
    void theDemoRegistryLoadedByCopyHasItsPairs() {
        // the demo world is loaded by the bulk loader (COPY) before the tests
        List<Map<String, Object>> demo = jdbc.sql("select id, surname, given_name, patronymic from person "
                + "where surname is not null and given_name is not null order by id limit 100").query().listOfRows();
        assertThat(demo).hasSize(100);
        for (Map<String, Object> person : demo) {
            assertPairs(((Number) person.get("id")).longValue(), (String) person.get("surname"),
                    (String) person.get("given_name"), (String) person.get("patronymic"));
        }
    }

    /** Full names of the demo registry's commonest surnames and given names, in Cyrillic and in Latin letters. */
    private List<String> namesakeQueries() {
        List<Map<String, Object>> common = jdbc.sql("select surname, given_name, min(patronymic) as patronymic from "
                + "person where surname is not null and given_name is not null group by 1, 2 order by count(*) desc, "
                + "1, 2 limit 3").query().listOfRows();
        List<String> queries = new ArrayList<>();
        for (Map<String, Object> name : common) {
            String surname = (String) name.get("surname");
            String given = (String) name.get("given_name");
            queries.add(surname + " " + given);
            queries.add(Transliteration.toLatin(given, Standard.BGN_PCGN, Language.RUSSIAN).orElse(given) + " "
                    + Transliteration.toLatin(surname, Standard.KMU_2010, Language.UKRAINIAN).orElse(surname));
            if (name.get("patronymic") != null) {
                queries.add(surname + " " + given + " " + name.get("patronymic"));
            }
        }
        return queries;
    }

    @Test
    void aSearchOfCommonWordsGivesTheFullSearchsPagesOfThePersonsSoNamed() {
        int compared = 0;
        for (String user : List.of("registrar@party-a", "viewer@party-b", "viewer@intermediary")) {
            Caller caller = TestCallers.of(users, user);
            for (String q : namesakeQueries()) {
                for (PersonSort sort : List.of(PersonSort.byDefault(true, NameCollation.UKRAINIAN),
                        PersonSort.byDefault(true, NameCollation.RUSSIAN),
                        PersonSort.parse("-name", NameCollation.ROOT).orElseThrow())) {
                    PersonFilter filter = new PersonFilter(q, null, null, null, null, null, null, null, null,
                            Map.of());
                    for (int page : new int[] {0, 1}) {
                        Page<Person> full = persons.find(caller, filter, Map.of(), sort, page, 2, Integer.MAX_VALUE);
                        Page<Person> named = persons.find(caller, filter, Map.of(), sort, page, 2, ALL_COMMON);
                        String what = user + " q=" + q + " sort=" + sort.parameter() + " page " + page;
                        assertThat(named.total()).as(what).isEqualTo(full.total());
                        assertThat(named.totalCapped()).as(what).isFalse();
                        assertThat(named.items()).as(what).extracting(Person::id)
                                .containsExactlyElementsOf(full.items().stream().map(Person::id).toList());
                        compared += full.items().size();
                    }
                }
            }
        }
        assertThat(compared).as("rows compared").isGreaterThan(50);
    }

    @Test
    void oneCommonWordGivesTheBestMatchesFirstAndACappedTotal() {
        // among notified persons, whom both parties see: other tests load many namesakes only their holder sees
        List<String> words = jdbc.sql("(select surname from person where surname is not null and notified_on is not "
                + "null group by 1 order by count(*) desc, 1 limit 1) union all (select given_name from person where "
                + "given_name is not null and notified_on is not null group by 1 order by count(*) desc, 1 limit 1)")
                .query(String.class).list();
        for (String user : List.of("registrar@party-a", "viewer@party-b")) {
            Caller caller = TestCallers.of(users, user);
            for (String q : words) {
                PersonSort sort = PersonSort.byDefault(true, NameCollation.UKRAINIAN);
                PersonFilter filter = new PersonFilter(q, null, null, null, null, null, null, null, null, Map.of());
                for (int page : new int[] {0, 1}) {
                    Page<Person> full = persons.find(caller, filter, Map.of(), sort, page, 3, Integer.MAX_VALUE);
                    Page<Person> best = persons.find(caller, filter, Map.of(), sort, page, 3, ALL_COMMON);
                    String what = user + " q=" + q + " page " + page;
                    assertThat(full.total()).as(what).isGreaterThan(3);
                    assertThat(best.total()).as(what).isEqualTo(3);
                    assertThat(best.totalCapped()).as(what).isTrue();
                    assertThat(best.items()).as(what).extracting(Person::id)
                            .containsExactlyElementsOf(full.items().stream().map(Person::id).toList());
                }
            }
        }
    }
}
