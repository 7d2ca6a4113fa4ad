package org.parley.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The indexes, keys and foreign keys a bulk load drops come back as they were, checked over the whole table; a key
 * that another table's foreign key relies on is never dropped.
 */
class DeferredIndexesTest {

    private static EmbeddedPostgres server;
    private static JdbcClient jdbc;

    @BeforeAll
    static void start() {
        server = EmbeddedDatabase.startEphemeral();
        jdbc = JdbcClient.create(server.getPostgresDatabase());
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    /** A parent that a table outside the load references, and a child with a key, a unique constraint and an index. */
    @BeforeEach
    void tables() {
        jdbc.sql("""
                drop table if exists outside, child, parent;
                create table parent (id bigint primary key, name text);
                create table outside (id bigint primary key, parent_id bigint references parent (id));
                create table child (id bigint primary key, parent_id bigint not null references parent (id),
                    seq int not null, word text not null, unique (parent_id, seq));
                create index child_word_idx on child (word, parent_id);
                insert into parent values (1, 'Коваленко'), (2, 'Шевченко');
                insert into child values (10, 1, 1, 'a'), (11, 1, 2, 'b'), (12, 2, 1, 'a');
                """).update();
    }

    @Test
    void keysOfUnreferencedTablesAreDroppedWithTheIndexesAndComeBackAsTheyWere() {
        List<String> before = schema();
        DeferredIndexes deferred = DeferredIndexes.dropWithKeys(jdbc, List.of("parent", "child"));
        // the child's key, unique constraint, index and foreign key are gone; the parent keeps the key outside needs
        assertThat(schema()).noneMatch(definition -> definition.startsWith("child"))
                .contains("parent_pkey: PRIMARY KEY (id)", "outside_parent_id_fkey: FOREIGN KEY (parent_id) "
                        + "REFERENCES parent(id)");
        jdbc.sql("insert into child values (13, 2, 2, 'c')").update();
        deferred.restore(step -> { });
        assertThat(schema()).isEqualTo(before);
    }

    @Test
    void withoutKeysOnlyTheSecondaryIndexesAndForeignKeysAreDropped() {
        List<String> before = schema();
        DeferredIndexes deferred = DeferredIndexes.drop(jdbc, List.of("parent", "child"));
        assertThat(schema()).contains("child_pkey: PRIMARY KEY (id)", "child_parent_id_seq_key: UNIQUE (parent_id, seq)")
                .noneMatch(definition -> definition.startsWith("child_word_idx") || definition.startsWith(
                        "child_parent_id_fkey"));
        deferred.restore(step -> { });
        assertThat(schema()).isEqualTo(before);
    }

    @Test
    void aDuplicateWrittenWhileTheKeyWasDroppedFailsTheRestore() {
        DeferredIndexes deferred = DeferredIndexes.dropWithKeys(jdbc, List.of("parent", "child"));
        jdbc.sql("insert into child values (14, 1, 2, 'd')").update();
        assertThatThrownBy(() -> deferred.restore(step -> { }))
                .hasMessageContaining("could not create unique index \"child_parent_id_seq_key\"")
                .hasMessageContaining("Key (parent_id, seq)=(1, 2) is duplicated");
    }

    /** The indexes and constraints (but not-null ones) of the test's tables: "name: definition". */
    private static List<String> schema() {
        return jdbc.sql("""
                select indexname || ': ' || indexdef from pg_indexes where tablename in ('parent', 'outside', 'child')
                union all
                select conname || ': ' || pg_get_constraintdef(oid) from pg_constraint
                where conrelid in ('parent'::regclass, 'outside'::regclass, 'child'::regclass) and contype <> 'n'
                order by 1""").query(String.class).list();
    }
}
