package org.parley.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.parley.names.SearchKeys;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * V9 writes again the keys of the persons whose names hold a format character (keys written before split the name
 * there), and leaves the others alone.
 */
class NameKeysWithoutFormatCharactersTest {

    @Test
    void namesWithAZeroWidthSpaceGetTheKeysOfThePlainName() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "off").start()) {
            DataSource dataSource = postgres.getPostgresDatabase();
            migrate(dataSource, "8");
            JdbcClient jdbc = JdbcClient.create(dataSource);
            jdbc.sql("insert into organisation (code, name, kind) values ('party-a', 'Party A', 'PARTY')").update();
            jdbc.sql("""
                    insert into person (id, version, holding_party_id, surname, given_name, name_script, status,
                        search_key)
                    values (1, 1, (select id from organisation), 'Шев\u200bчук', 'Олег', 'Cyrl', 'INTERNED',
                            'шев чук олег'),
                           (2, 1, (select id from organisation), 'Шевченко', null, 'Cyrl', 'INTERNED', 'kept')"""
            ).update();
            jdbc.sql("insert into person_name_key (person_id, key) values (1, 'split key'), (2, 'kept as it was')")
                    .update();

            migrate(dataSource, "9");

            assertThat(keysOf(jdbc, 1)).containsExactlyInAnyOrderElementsOf(SearchKeys.ofPerson("Шевчук", "Олег", null))
                    .isNotEmpty();
            assertThat(jdbc.sql("select search_key from person where id = 1").query(String.class).single())
                    .doesNotContain(" чук").contains("олег");
            assertThat(keysOf(jdbc, 2)).containsExactly("kept as it was");
            assertThat(jdbc.sql("select search_key from person where id = 2").query(String.class).single())
                    .isEqualTo("kept");
        }
    }

    private static List<String> keysOf(JdbcClient jdbc, long personId) {
        return jdbc.sql("select key from person_name_key where person_id = ?").param(personId)
                .query(String.class).list();
    }

    private static void migrate(DataSource dataSource, String target) {
        Flyway.configure().dataSource(dataSource).javaMigrations(new NameKeysOfEarlierPersons(),
                new NameKeysWithoutFormatCharacters()).target(target).load().migrate();
    }
}
