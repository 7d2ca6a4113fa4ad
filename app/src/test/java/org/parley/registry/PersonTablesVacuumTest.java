package org.parley.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.ParleyTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The person tables are vacuumed after a hundredth of their rows changed, not PostgreSQL's fifth (V19_2_5): the
 * counts and pages read their indexes alone only where VACUUM has marked the pages all-visible.
 */
@ParleyTest
class PersonTablesVacuumTest {

    private static final List<String> TABLES = List.of("person", "person_event", "person_search_word",
            "person_name_pair", "person_name_key", "person_blocking_key");

    @Autowired
    JdbcClient jdbc;

    @Test
    void eachPersonTableIsVacuumedAfterAHundredthOfItChanged() {
        for (String table : TABLES) {
            List<String> options = jdbc.sql("select unnest(reloptions) from pg_class where relname = :table "
                    + "and relkind = 'r'").param("table", table).query(String.class).list();
            assertThat(options).as(table).contains("autovacuum_vacuum_scale_factor=0.01",
                    "autovacuum_vacuum_insert_scale_factor=0.01");
        }
    }
}
