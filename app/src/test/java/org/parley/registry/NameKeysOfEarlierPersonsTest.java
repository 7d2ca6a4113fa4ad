package org.parley.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.parley.names.SearchKeys;
import org.springframework.jdbc.core.simple.JdbcClient;

/** V7 gives the persons a database stored before name keys existed their keys, and leaves the others alone. */
class NameKeysOfEarlierPersonsTest {

    @Test
    void personsWithoutKeysGetTheirsOnce() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "off").start()) {
            DataSource dataSource = postgres.getPostgresDatabase();
            migrate(dataSource, "6");
            JdbcClient jdbc = JdbcClient.create(dataSource);
            jdbc.sql("insert into organisation (code, name, kind) values ('party-a', 'Party A', 'PARTY')").update();
            jdbc.sql("""
                    insert into person (id, version, holding_party_id, surname, given_name, patronymic, name_script,
                        status, search_key)
                    values (1, 1, (select id from organisation), 'Коваленко', 'Олександр', 'Сергійович', 'Cyrl',
                            'INTERNED', 'kovalenko'),
                           (2, 1, (select id from organisation), 'Шевченко', null, null, 'Cyrl', 'INTERNED',
                            'shevchenko')""").update();
            jdbc.sql("insert into person_name_key (person_id, key) values (2, 'kept as it was')").update();

            migrate(dataSource, "7");

            assertThat(keysOf(jdbc, 1)).containsExactlyInAnyOrderElementsOf(
                    SearchKeys.ofPerson("Коваленко", "Олександр", "Сергійович")).isNotEmpty();
            assertThat(keysOf(jdbc, 2)).containsExactly("kept as it was");
            assertThat(jdbc.sql("select success from flyway_schema_history where version = '7'")
                    .query(Boolean.class).single()).isTrue();
        }
    }

    private static java.util.List<String> keysOf(JdbcClient jdbc, long personId) {
        return jdbc.sql("select key from person_name_key where person_id = ?").param(personId)
                .query(String.class).list();
    }

    private static void migrate(DataSource dataSource, String target) {
        Flyway.configure().dataSource(dataSource).javaMigrations(new NameKeysOfEarlierPersons()).target(target)
                .load().migrate();
    }
}
