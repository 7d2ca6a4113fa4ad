package org.parley.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.LocalDate;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * V14_2 gives the persons of an existing database the day their custody ended, from their events as the lifecycle
 * reads them (superseded events left out; an escape followed by a new capture is custody again).
 */
class PersonListMigrationTest {

    @Test
    void custodyEndsOnTheLastEventThatEndedItThatStands() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "off").start()) {
            DataSource dataSource = postgres.getPostgresDatabase();
            migrate(dataSource, "13");
            JdbcClient jdbc = JdbcClient.create(dataSource);
            jdbc.sql("insert into organisation (code, name, kind) values ('party-a', 'Party A', 'PARTY')").update();
            person(jdbc, 1, "EXCHANGED", "CAPTURED 2024-01-01", "EXCHANGED 2024-06-01");
            person(jdbc, 2, "CAPTURED", "CAPTURED 2024-01-01", "ESCAPED 2024-02-01", "CAPTURED 2024-03-01");
            person(jdbc, 3, "DIED", "CAPTURED 2024-01-01", "DIED 2024-05-01", "RELEASED 2024-07-01");
            // the release is a mistake, superseded by a correction
            jdbc.sql("insert into person_event (person_id, seq, type, occurred_on, supersedes) values (3, 4, "
                    + "'CORRECTION', '2024-07-02', (select id from person_event where person_id = 3 and seq = 3))")
                    .update();
            person(jdbc, 4, "INTERNED", "CAPTURED 2024-01-01", "INTERNED 2024-01-05");

            migrate(dataSource, "14.2");

            assertThat(ended(jdbc, 1)).isEqualTo(LocalDate.of(2024, 6, 1));
            assertThat(ended(jdbc, 2)).as("captured again after the escape").isNull();
            assertThat(ended(jdbc, 3)).isEqualTo(LocalDate.of(2024, 5, 1));
            assertThat(ended(jdbc, 4)).isNull();
        }
    }

    private static void person(JdbcClient jdbc, long id, String status, String... events) {
        jdbc.sql("insert into person (id, holding_party_id, surname, name_script, status, search_key, capture_date) "
                        + "values (:id, (select id from organisation), 'Тест', 'Cyrl', :status, 'тест', '2024-01-01')")
                .param("id", id).param("status", status).update();
        for (int i = 0; i < events.length; i++) {
            String[] event = events[i].split(" ");
            jdbc.sql("insert into person_event (person_id, seq, type, occurred_on) values (:id, :seq, :type, "
                            + ":on::date)")
                    .param("id", id).param("seq", i + 1).param("type", event[0]).param("on", event[1]).update();
        }
    }

    private static LocalDate ended(JdbcClient jdbc, long id) {
        return jdbc.sql("select custody_ended_on from person where id = :id").param("id", id)
                .query(LocalDate.class).optional().orElse(null);
    }

    private static void migrate(DataSource dataSource, String target) {
        Flyway.configure().dataSource(dataSource)
                .javaMigrations(new NameKeysOfEarlierPersons(), new NameKeysWithoutFormatCharacters())
                .target(target).load().migrate();
    }
}
