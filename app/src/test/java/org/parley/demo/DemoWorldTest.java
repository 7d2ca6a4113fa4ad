package org.parley.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.ParleyTest;
import org.parley.registry.Lifecycle;
import org.parley.registry.NewPerson;
import org.parley.registry.PersonField;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo loader's figures: the three organisations, the demo users, and every generated person stored with
 * its facts and the status its history leads to — or, for the persons of the demo's executed round, the status its
 * handover gave them. (Other tests add persons to the same database, so the check is that the demo world is there,
 * not that nothing else is.)
 */
@ParleyTest
class DemoWorldTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DemoLoader loader;

    /** One person as the check compares it: names as written, capture date, derived status, holder. */
    record Stored(String surname, String givenName, String patronymic, LocalDate captureDate, String status,
            String holder) {
    }

    @Test
    void theDemoWorldIsLoadedAsGenerated() {
        // the demo's organisations, and those other tests of the shared database add (a third party)
        assertThat(jdbc.sql("select code from organisation where code not like 'party-_' or code in ('party-a', "
                + "'party-b') order by code").query(String.class).list())
                .containsExactly("intermediary", "party-a", "party-b");
        assertThat(jdbc.sql("select count(*) from app_user").query(Long.class).single()).isGreaterThanOrEqualTo(17);

        List<NewPerson> generated = new DemoPersonGenerator(DemoLoader.SEED).generate(ParleyTest.DEMO_PERSONS,
                LocalDate.ofInstant(loader.loadedAt(), ZoneId.systemDefault()));
        List<Stored> stored = jdbc.sql("""
                select p.surname, p.given_name, p.patronymic, p.capture_date, p.status, h.code
                from person p join organisation h on h.id = p.holding_party_id""")
                .query((rs, i) -> new Stored(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class), rs.getString(5), rs.getString(6)))
                .list();
        // the persons of the demo's executed round, with their outcome at its handover
        Map<Stored, String> handedOver = new HashMap<>();
        jdbc.sql("""
                select distinct on (p.id) p.surname, p.given_name, p.patronymic, p.capture_date, h.code, e.outcome
                from exchange_handover_entry e join exchange_round r on r.id = e.round_id
                join person p on p.id = e.person_id join organisation h on h.id = p.holding_party_id
                where r.title = :title order by p.id, e.id desc""")
                .param("title", DemoExecutedRound.TITLE)
                .query((rs, i) -> handedOver.put(new Stored(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class), null, rs.getString(5)), rs.getString(6)))
                .list();
        assertThat(handedOver.values()).contains("TRANSFERRED", "DID_NOT_APPEAR", "DECLINED");
        List<Stored> expected = generated.stream().map(p -> expected(p, handedOver)).toList();
        assertThat(stored).containsAll(expected);
        assertThat(expected.stream().map(Stored::status).distinct().count()).as("several statuses").isGreaterThan(3);
        long events = generated.stream().mapToLong(p -> p.events().size()).sum();
        assertThat(jdbc.sql("select count(*) from person_event").query(Long.class).single()).isGreaterThanOrEqualTo(events);
    }

    /** As generated; a person handed over in the executed round EXCHANGED, one who declined REMAINED. */
    private static Stored expected(NewPerson person, Map<Stored, String> handedOver) {
        Lifecycle.State state = Lifecycle.replayInputs(person.events());
        Stored generated = new Stored((String) person.facts().get(PersonField.SURNAME),
                (String) person.facts().get(PersonField.GIVEN_NAME), (String) person.facts().get(PersonField.PATRONYMIC),
                (LocalDate) person.facts().get(PersonField.CAPTURE_DATE), null,
                (String) person.facts().get(PersonField.HOLDING_PARTY));
        String status = switch (handedOver.getOrDefault(generated, "")) {
            case "TRANSFERRED" -> "EXCHANGED";
            case "DECLINED" -> "REMAINED";
            default -> state.status().name();
        };
        return new Stored(generated.surname(), generated.givenName(), generated.patronymic(), generated.captureDate(),
                status, generated.holder());
    }
}
