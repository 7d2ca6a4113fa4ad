package org.parley.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** V18_1_1 gives the persons stored before it their name pairs, and the registry's spellings their rows. */
class NamePairsOfEarlierPersonsTest {

    @Test
    void personsStoredBeforeGetThePairsTheJavaCodeGives() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "off").start()) {
            DataSource dataSource = postgres.getPostgresDatabase();
            migrate(dataSource, "17.1.1");
            JdbcClient jdbc = JdbcClient.create(dataSource);
            jdbc.sql("insert into organisation (code, name, kind) values ('party-a', 'Party A', 'PARTY')").update();
            jdbc.sql("""
                    insert into person (id, version, holding_party_id, surname, given_name, patronymic,
                        service_number, name_script, status)
                    values (1, 1, (select id from organisation where code = 'party-a'), 'Коваленко-Бойко', 'Олександр',
                            'Сергійович', 'АА-123456', 'Cyrl', 'INTERNED'),
                           (2, 1, (select id from organisation where code = 'party-a'), 'Shevchenko', null, null,
                            null, 'Latn', 'INTERNED'),
                           (3, 1, (select id from organisation where code = 'party-a'), 'Іванов', 'Петро', null,
                            null, 'Cyrl', 'INTERNED'),
                           (4, 1, (select id from organisation where code = 'party-a'), 'Іванов', 'Петро',
                            'Іванович', null, 'Cyrl', 'INTERNED')""").update();

            migrate(dataSource, "18.1.1");

            String[][] names = {{"Коваленко-Бойко", "Олександр", "Сергійович"}, {"Shevchenko", null, null},
                {"Іванов", "Петро", null}, {"Іванов", "Петро", "Іванович"}};
            for (int id = 1; id <= names.length; id++) {
                Set<String> expected = SearchWords.pairs(SearchWords.of(names[id - 1][0], names[id - 1][1],
                        names[id - 1][2], null, null));
                List<String> stored = jdbc.sql("select pair from person_name_pair where person_id = ?").param(id)
                        .query(String.class).list();
                assertThat(stored).as("person " + id).containsExactlyInAnyOrderElementsOf(expected);
            }
            assertThat(jdbc.sql("select count(*) from person_name_pair where person_id = 2").query(Long.class)
                    .single()).as("a surname alone pairs with nothing").isZero();
            assertThat(jdbc.sql("select count(*) from person_name_pair where person_id = 1 and pair like '%/%'")
                    .query(Long.class).single()).as("surname and patronymic").isPositive();

            List<String> spellings = jdbc.sql("select pair || '|' || surname || '|' || given_name from name_spelling")
                    .query(String.class).list();
            List<String> expected = new java.util.ArrayList<>();
            for (String[] name : List.of(names[0], names[2])) {
                SearchWords.pairs(SearchWords.of(name[0], name[1], null, null, null)).stream()
                        .filter(SearchWords::givenNamePair).forEach(p -> expected.add(p + "|" + name[0] + "|" + name[1]));
            }
            assertThat(spellings).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    private static void migrate(DataSource dataSource, String target) {
        Flyway.configure().dataSource(dataSource).javaMigrations(new NameKeysOfEarlierPersons(),
                new NameKeysWithoutFormatCharacters(), new SearchWordsOfEarlierPersons(),
                new BlockingKeysOfEarlierPersons()).target(target).load().migrate();
    }
}
