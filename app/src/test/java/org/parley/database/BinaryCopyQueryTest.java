package org.parley.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Every field type the audit verifier reads, nulls, large rows and many rows, through a binary COPY. */
class BinaryCopyQueryTest {

    @Test
    void readsEachTypeAndNull() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedDatabase.startEphemeral()) {
            DataSource dataSource = postgres.getPostgresDatabase();
            List<String> seen = new ArrayList<>();
            inTransaction(dataSource, () -> BinaryCopyQuery.forEach(dataSource, """
                    select -2::int2, 2147483647::int4, -9007199254740993::int8, true, false, date '2024-02-29',
                        date '1999-12-31', timestamptz '2026-11-25 06:40:00.123456+00',
                        timestamptz '1970-01-01 00:00:00+00', 'Ї "q" \\ tab' || chr(9) || 'end', null::text,
                        '\\x00ff10'::bytea, repeat('я', 5000)""", row -> {
                assertThat(row.int2(0)).isEqualTo(-2);
                assertThat(row.int4(1)).isEqualTo(Integer.MAX_VALUE);
                assertThat(row.int8(2)).isEqualTo(-9007199254740993L);
                assertThat(row.bool(3)).isTrue();
                assertThat(row.bool(4)).isFalse();
                assertThat(row.date(5)).isEqualTo(LocalDate.of(2024, 2, 29));
                assertThat(row.date(6)).isEqualTo(LocalDate.of(1999, 12, 31));
                assertThat(row.timestamp(7)).isEqualTo(Instant.parse("2026-11-25T06:40:00.123456Z"));
                assertThat(row.timestamp(8)).isEqualTo(Instant.EPOCH);
                assertThat(row.text(9)).isEqualTo("Ї \"q\" \\ tab\tend");
                assertThat(row.isNull(10)).isTrue();
                assertThat(row.text(10)).isNull();
                assertThat(row.date(10)).isNull();
                assertThat(row.bytes(11)).containsExactly(0, 0xff, 0x10);
                assertThatThrownBy(() -> row.int8(1)).hasMessage("field 1 is not a bigint (4 bytes)");
                assertThat(row.text(12)).hasSize(5000).startsWith("яя");
                seen.add("row");
            }));
            assertThat(seen).hasSize(1);

            long[] sum = {0};
            inTransaction(dataSource, () -> BinaryCopyQuery.forEach(dataSource,
                    "select g::int8, g::text from generate_series(1, 100000) g",
                    row -> sum[0] += row.int8(0) + Long.parseLong(row.text(1))));
            assertThat(sum[0]).isEqualTo(2 * 100000L * 100001 / 2);
            long[] after = {0};
            inTransaction(dataSource, () -> BinaryCopyQuery.forEach(dataSource, "select 1::int8",
                    row -> after[0] = row.int8(0)));
            assertThat(after[0]).as("the connection is usable after a copy").isEqualTo(1);
        }
    }

    @Test
    void aFailingQueryIsNamedAndNeedsATransaction() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedDatabase.startEphemeral()) {
            DataSource dataSource = postgres.getPostgresDatabase();
            assertThatThrownBy(() -> BinaryCopyQuery.forEach(dataSource, "select 1", row -> { }))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("transaction");
            assertThatThrownBy(() -> inTransaction(dataSource, () -> BinaryCopyQuery.forEach(dataSource,
                    "select * from no_such_table", row -> { })))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("no_such_table");
            assertThatThrownBy(() -> inTransaction(dataSource, () -> BinaryCopyQuery.forEach(dataSource,
                    "select g from generate_series(1, 100000) g", row -> {
                        throw new IllegalArgumentException("handler gave up");
                    }))).hasMessage("handler gave up");
            long[] after = {0};
            inTransaction(dataSource, () -> BinaryCopyQuery.forEach(dataSource, "select 2::int8",
                    row -> after[0] = row.int8(0)));
            assertThat(after[0]).as("a copy given up is read to its end: the connection works").isEqualTo(2);
        }
    }

    private static void inTransaction(DataSource dataSource, Runnable work) {
        new TransactionTemplate(new DataSourceTransactionManager(dataSource)).executeWithoutResult(status -> work.run());
    }
}
