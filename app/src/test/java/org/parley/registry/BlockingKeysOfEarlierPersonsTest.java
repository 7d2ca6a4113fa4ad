package org.parley.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** V17_3_2 gives the persons stored before table {@code person_blocking_key} existed their blocking keys. */
class BlockingKeysOfEarlierPersonsTest {

    @Test
    void personsStoredBeforeGetTheirKeysUnderTheirHolder() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "off").start()) {
            DataSource dataSource = postgres.getPostgresDatabase();
            migrate(dataSource, "17.3.1");
            JdbcClient jdbc = JdbcClient.create(dataSource);
            jdbc.sql("insert into organisation (code, name, kind) values ('party-a', 'Party A', 'PARTY'), "
                    + "('party-b', 'Party B', 'PARTY')").update();
            jdbc.sql("""
                    insert into person (id, version, holding_party_id, surname, given_name, patronymic, date_of_birth,
                        service_number, name_script, status, search_key)
                    values (1, 1, (select id from organisation where code = 'party-a'), 'Коваленко', 'Олександр',
                            'Сергійович', '1990-04-12', 'АА-123456', 'Cyrl', 'INTERNED', 'kovalenko'),
                           (2, 1, (select id from organisation where code = 'party-b'), 'Шевченко', null, null, null,
                            null, 'Cyrl', 'INTERNED', 'shevchenko')""").update();

            migrate(dataSource, "17.3.3");

            assertThat(keysOf(jdbc, 1)).isEqualTo(keys(BlockingKeys.of("Коваленко", "Олександр", "Сергійович",
                    "1990-04-12", "АА-123456", null, null))).hasSize(7);
            assertThat(keysOf(jdbc, 2)).isEmpty(); // a surname alone, without a date, is no blocking key
            assertThat(jdbc.sql("select distinct o.code from person_blocking_key k join organisation o "
                    + "on o.id = k.holding_party_id").query(String.class).list()).containsExactly("party-a");
        }
    }

    private static List<Long> keysOf(JdbcClient jdbc, long personId) {
        return jdbc.sql("select key from person_blocking_key where person_id = ? order by key").param(personId)
                .query(Long.class).list();
    }

    private static List<Long> keys(long[] keys) {
        return Arrays.stream(keys).sorted().boxed().toList();
    }

    private static void migrate(DataSource dataSource, String target) {
        Flyway.configure().dataSource(dataSource).javaMigrations(new NameKeysOfEarlierPersons(),
                new NameKeysWithoutFormatCharacters(), new BlockingKeysOfEarlierPersons()).target(target).load()
                .migrate();
    }
}
