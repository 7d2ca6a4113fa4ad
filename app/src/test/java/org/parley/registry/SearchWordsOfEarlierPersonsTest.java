package org.parley.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** V17_1_2 gives the persons stored before the name search read {@code person_search_word} their words. */
class SearchWordsOfEarlierPersonsTest {

    @Test
    void personsStoredBeforeGetTheirWordsAndTheVocabularyItsNames() throws Exception {
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
                            null, 'Latn', 'INTERNED')""").update();

            migrate(dataSource, "17.1.2");

            for (long id : new long[] {1, 2}) {
                List<String> stored = jdbc.sql("select part || ' ' || written || ' ' || word from person_search_word "
                        + "where person_id = ? order by 1").param(id).query(String.class).list();
                List<String> expected = (id == 1 ? SearchWords.of("Коваленко-Бойко", "Олександр", "Сергійович",
                        "АА-123456", null) : SearchWords.of("Shevchenko", null, null, null, null)).stream()
                        .map(w -> w.part().code() + " " + w.written() + " " + w.text()).toList();
                assertThat(stored).as("person " + id).containsExactlyInAnyOrderElementsOf(expected);
            }
            assertThat(jdbc.sql("select word from name_word order by word").query(String.class).list())
                    .containsExactly("shevchenko", "бойко", "коваленко", "олександр", "сергійович");
        }
    }

    private static void migrate(DataSource dataSource, String target) {
        Flyway.configure().dataSource(dataSource).javaMigrations(new NameKeysOfEarlierPersons(),
                new NameKeysWithoutFormatCharacters(), new SearchWordsOfEarlierPersons()).target(target).load()
                .migrate();
    }
}
