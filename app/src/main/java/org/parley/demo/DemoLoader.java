package org.parley.demo;

import java.time.LocalDate;
import java.util.List;
import org.parley.registry.NewPerson;
import org.parley.registry.OrganisationKind;
import org.parley.registry.RegistryService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * With {@code parley.demo.persons} set (the {@code demo} command), fills an empty database with a demo world:
 * Party A, Party B, one intermediary, and that many detained persons with their histories. A database that
 * already has organisations is left as it is, so restarting the demo keeps what was entered.
 */
@Component
@ConditionalOnProperty("parley.demo.persons")
class DemoLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoLoader.class);
    /** Fixed, so that every demo world is the same and figures can be compared between runs. */
    static final long SEED = 20_220_224L;

    private final RegistryService registry;
    private final TransactionTemplate transaction;
    private final int persons;

    DemoLoader(RegistryService registry, TransactionTemplate transaction,
            @org.springframework.beans.factory.annotation.Value("${parley.demo.persons}") int persons) {
        this.registry = registry;
        this.transaction = transaction;
        this.persons = persons;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!registry.organisations().isEmpty()) {
            log.info("Demo: the database already holds data ({} persons); nothing loaded",
                    registry.countPersons());
            return;
        }
        long started = System.nanoTime();
        List<NewPerson> world = new DemoPersonGenerator(SEED).generate(persons, LocalDate.now());
        transaction.executeWithoutResult(status -> {
            registry.addOrganisation("party-a", "Party A", OrganisationKind.PARTY, "uk");
            registry.addOrganisation("party-b", "Party B", OrganisationKind.PARTY, "ru");
            registry.addOrganisation("intermediary", "Intermediary", OrganisationKind.INTERMEDIARY, "en");
            registry.bulkLoad(world);
        });
        log.info("Demo: loaded {} persons in {} ms", persons, (System.nanoTime() - started) / 1_000_000);
    }
}
