package org.parley.wishes;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Migration 14.2.2 stores the wish status of every person whose statements were recorded before it, as derived. */
class WishStatusesOfEarlierStatementsTest {

    @Test
    void eachPersonWithStatementsGetsTheDerivedStatusAndThoseWithoutNone() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "off").start()) {
            DataSource dataSource = postgres.getPostgresDatabase();
            migrate(dataSource, "14.2.1");
            JdbcClient jdbc = JdbcClient.create(dataSource);
            jdbc.sql("insert into organisation (code, name, kind) values ('party-a', 'Party A', 'PARTY')").update();
            for (long id = 1; id <= 4; id++) {
                jdbc.sql("insert into person (id, holding_party_id, surname, name_script, status, search_key) "
                        + "values (:id, (select id from organisation), 'Тест', 'Cyrl', 'INTERNED', 'тест')")
                        .param("id", id).update();
            }
            statement(jdbc, 1, "NOT_RETURN", false, "2024-01-01");
            statement(jdbc, 1, "RETURN", true, "2024-02-01");
            statement(jdbc, 2, "ASYLUM", true, "2024-01-01");
            statement(jdbc, 2, "RETURN", false, "2024-03-01");
            statement(jdbc, 3, "UNDECIDED", false, "2024-01-01");

            migrate(dataSource, "14.2.2");

            assertThat(status(jdbc, 1)).isEqualTo("VERIFIED_RETURN");
            assertThat(status(jdbc, 2)).as("a later claim leaves the verified wish").isEqualTo("VERIFIED_NOT_RETURNING");
            assertThat(status(jdbc, 3)).isEqualTo("UNKNOWN");
            assertThat(jdbc.sql("select count(*) from wish_status where person_id = 4").query(Long.class).single())
                    .as("no statements, no row: UNKNOWN").isZero();
        }
    }

    private static void statement(JdbcClient jdbc, long person, String wish, boolean verified, String on) {
        jdbc.sql("insert into wish_statement (person_id, wish, method, organisation_code, by_intermediary, taken_by, "
                        + "taken_on, verified) values (:person, :wish, :method, 'x', :verified, 'someone', :on::date, "
                        + ":verified)")
                .param("person", person).param("wish", wish)
                .param("method", verified ? "PRIVATE_INTERVIEW" : "INTERROGATION").param("verified", verified)
                .param("on", on).update();
    }

    private static String status(JdbcClient jdbc, long person) {
        return jdbc.sql("select status from wish_status where person_id = :id").param("id", person)
                .query(String.class).single();
    }

    private static void migrate(DataSource dataSource, String target) {
        Flyway.configure().dataSource(dataSource).javaMigrations(new WishStatusesOfEarlierStatements())
                .target(target).load().migrate();
    }
}
