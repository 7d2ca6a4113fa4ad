package org.parley.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * V6 turns the jsonb columns a person's audited state embeds into their canonical JSON text, and keeps in
 * person_state only the states a change replaced: a database written by earlier versions keeps verifying.
 */
class CanonicalJsonColumnsMigrationTest {

    @Test
    void sourcesAndChangesBecomeTheirCanonicalTextAndLatestStatesLeavePersonState() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedDatabase.startEphemeral()) {
            DataSource dataSource = postgres.getPostgresDatabase();
            migrate(dataSource, "5");
            JdbcClient jdbc = JdbcClient.create(dataSource);
            jdbc.sql("insert into organisation (code, name, kind) values ('party-a', 'Party A', 'PARTY')").update();
            jdbc.sql("""
                    insert into person (id, version, holding_party_id, surname, name_script, status, search_key,
                        fact_sources)
                    values (7, 2, (select id from organisation), 'Коваленко', 'Cyrl', 'INTERNED', 'kovalenko',
                        '{"surname": {"source": "CAPTURE_CARD", "voluntary": true, "confidence": null},
                          "rank": {"confidence": "CONFIRMED", "source": "OPEN_SOURCE", "voluntary": null}}')""")
                    .update();
            jdbc.sql("""
                    insert into person_event (person_id, seq, type, occurred_on, note, changes) values
                        (7, 1, 'CAPTURED', '2024-03-01', null, null),
                        (7, 2, 'CORRECTION', '2024-03-02', 'card "2"', '{"rank": {"to": "сержант", "from": null}}')""")
                    .update();
            jdbc.sql("insert into person_state (person_id, version, state) values (7, 1, 'state 1'), "
                    + "(7, 2, 'state 2')").update();

            migrate(dataSource, "6");

            assertThat(jdbc.sql("select fact_sources::text from person where id = 7").query(String.class).single())
                    .isEqualTo("{\"rank\":{\"confidence\":\"CONFIRMED\",\"source\":\"OPEN_SOURCE\"},"
                            + "\"surname\":{\"source\":\"CAPTURE_CARD\",\"voluntary\":true}}");
            Map<Integer, String> changes = new java.util.HashMap<>();
            jdbc.sql("select seq, changes::text from person_event where person_id = 7")
                    .query(rs -> {
                        changes.put(rs.getInt(1), rs.getString(2));
                    });
            assertThat(changes).containsEntry(1, null)
                    .containsEntry(2, "{\"rank\":{\"from\":null,\"to\":\"сержант\"}}");
            assertThat(jdbc.sql("select version from person_state where person_id = 7").query(Integer.class).list())
                    .containsExactly(1);
            assertThat(jdbc.sql("select data_type from information_schema.columns where table_name = 'person' "
                    + "and column_name = 'fact_sources'").query(String.class).single()).isEqualTo("json");
        }
    }

    private static void migrate(DataSource dataSource, String target) {
        Flyway.configure().dataSource(dataSource).target(target).load().migrate();
    }
}
