package org.parley.wishes;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.LocalDate;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Migrations 14.2.2 and 19.2.4 store the wish status, then the whole derived wish, of every person whose statements
 * were recorded before them.
 */
class EarlierStatementsTest {

    /** The upgrade as a registry made before 14.2.1 goes through it: the status first, the rest of the wish later. */
    @Test
    void eachPersonWithStatementsGetsTheDerivedStatusThenTheWholeDerivedWish() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "off").start()) {
            DataSource dataSource = postgres.getPostgresDatabase();
            JdbcClient jdbc = statementsBefore(dataSource);

            migrate(dataSource, "14.2.2");

            assertThat(status(jdbc, 1)).isEqualTo("VERIFIED_RETURN");
            assertThat(status(jdbc, 2)).as("a later claim leaves the verified wish").isEqualTo("VERIFIED_NOT_RETURNING");
            assertThat(status(jdbc, 3)).isEqualTo("UNKNOWN");
            assertThat(jdbc.sql("select count(*) from wish_status where person_id = 4").query(Long.class).single())
                    .as("no statements, no row: UNKNOWN").isZero();

            migrate(dataSource, "19.2.4");

            assertThat(wish(jdbc, 1)).isEqualTo(new DerivedWish(WishStatus.VERIFIED_RETURN, LocalDate.of(2024, 2, 1),
                    false, null));
            assertThat(wish(jdbc, 2)).as("a later claim the other way is kept as a contradiction")
                    .isEqualTo(new DerivedWish(WishStatus.VERIFIED_NOT_RETURNING, LocalDate.of(2024, 1, 1), true,
                            LocalDate.of(2024, 3, 1)));
            assertThat(wish(jdbc, 3)).isEqualTo(DerivedWish.UNKNOWN);
            assertThat(wish(jdbc, 5)).isEqualTo(new DerivedWish(WishStatus.UNVERIFIED_CLAIM, null, false,
                    LocalDate.of(2024, 4, 1)));
            assertThat(jdbc.sql("select count(*) from wish_status where person_id = 4").query(Long.class).single())
                    .as("still no row: UNKNOWN").isZero();
        }
    }

    /** A database at 14.2.1 with five persons: 1–3 and 5 with statements, 4 without. */
    private static JdbcClient statementsBefore(DataSource dataSource) {
        migrate(dataSource, "14.2.1");
        JdbcClient jdbc = JdbcClient.create(dataSource);
        jdbc.sql("insert into organisation (code, name, kind) values ('party-a', 'Party A', 'PARTY')").update();
        for (long id = 1; id <= 5; id++) {
            jdbc.sql("insert into person (id, holding_party_id, surname, name_script, status, search_key) "
                    + "values (:id, (select id from organisation), 'Тест', 'Cyrl', 'INTERNED', 'тест')")
                    .param("id", id).update();
        }
        statement(jdbc, 1, "NOT_RETURN", false, "2024-01-01");
        statement(jdbc, 1, "RETURN", true, "2024-02-01");
        statement(jdbc, 2, "ASYLUM", true, "2024-01-01");
        statement(jdbc, 2, "RETURN", false, "2024-03-01");
        statement(jdbc, 3, "UNDECIDED", false, "2024-01-01");
        statement(jdbc, 5, "RETURN", false, "2024-04-01");
        return jdbc;
    }

    private static DerivedWish wish(JdbcClient jdbc, long person) {
        return jdbc.sql("select status, verified_on, contradicted, oldest_claim_on from wish_status where person_id = :id")
                .param("id", person)
                .query((rs, i) -> new DerivedWish(WishStatus.valueOf(rs.getString(1)),
                        rs.getObject(2, LocalDate.class), rs.getBoolean(3), rs.getObject(4, LocalDate.class)))
                .single();
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
        Flyway.configure().dataSource(dataSource).javaMigrations(new WishStatusesOfEarlierStatements(),
                        new WishDetailsOfEarlierStatements())
                .target(target).load().migrate();
    }
}
