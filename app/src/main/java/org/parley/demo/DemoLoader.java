package org.parley.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.parley.access.UserService;
import org.parley.api.Caller;
import org.parley.api.PublicIds;
import org.parley.api.Role;
import org.parley.database.TransactionLocks;
import org.parley.exchange.AgreementService;
import org.parley.exchange.ExchangeListService;
import org.parley.exchange.ExchangeService;
import org.parley.exchange.HandoverService;
import org.parley.exchange.ListService;
import org.parley.exchange.ReconciliationService;
import org.parley.registry.NewPerson;
import org.parley.registry.OrganisationKind;
import org.parley.registry.RegistryService;
import org.parley.tracing.TracingService;
import org.parley.wishes.WishService;
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
    /** Fixed (the date of the Geneva Conventions), so that every demo world is the same and runs compare. */
    static final long SEED = 19_490_812L;

    /** The password of every demo user; demo worlds are for trying Parley out, never for real data. */
    static final String DEMO_PASSWORD = "parley-demo";

    private final RegistryService registry;
    private final UserService users;
    private final WishService wishes;
    private final ExchangeService exchanges;
    private final ListService lists;
    private final ReconciliationService reconciliations;
    private final ExchangeListService exchangeLists;
    private final AgreementService agreements;
    private final HandoverService handovers;
    private final PublicIds publicIds;
    private final TracingService tracing;
    private final TransactionTemplate transaction;
    private final TransactionLocks locks;
    private final int persons;
    /** When this loader generated its world; the world's dates count back from it. */
    private volatile Instant loadedAt;

    DemoLoader(RegistryService registry, UserService users, WishService wishes, ExchangeService exchanges,
            ListService lists, ReconciliationService reconciliations, ExchangeListService exchangeLists,
            AgreementService agreements, HandoverService handovers, PublicIds publicIds, TracingService tracing,
            TransactionTemplate transaction, TransactionLocks locks,
            @org.springframework.beans.factory.annotation.Value("${parley.demo.persons}") int persons) {
        this.registry = registry;
        this.users = users;
        this.wishes = wishes;
        this.exchanges = exchanges;
        this.lists = lists;
        this.reconciliations = reconciliations;
        this.exchangeLists = exchangeLists;
        this.agreements = agreements;
        this.handovers = handovers;
        this.publicIds = publicIds;
        this.tracing = tracing;
        this.transaction = transaction;
        this.locks = locks;
        this.persons = persons;
    }

    /** When this loader generated the world it loaded; null if it loaded none (the database held data). */
    Instant loadedAt() {
        return loadedAt;
    }

    /** One user per role and organisation (registrar@party-a, …) and the instance administrator "admin". */
    static Map<String, Set<Role>> demoUsers() {
        Map<String, Set<Role>> demo = new LinkedHashMap<>();
        for (String party : List.of("party-a", "party-b")) {
            for (Role role : List.of(Role.REGISTRAR, Role.NEGOTIATOR, Role.VIEWER, Role.AUDITOR, Role.ADMIN)) {
                demo.put(role.name().toLowerCase(Locale.ROOT) + "@" + party, Set.of(role));
            }
        }
        for (Role role : List.of(Role.REGISTRAR, Role.NEGOTIATOR, Role.INTERVIEWER, Role.VIEWER, Role.AUDITOR,
                Role.ADMIN)) {
            demo.put(role.name().toLowerCase(Locale.ROOT) + "@intermediary", Set.of(role));
        }
        demo.put("admin", Set.of(Role.ADMIN));
        return demo;
    }

    /** Logs how long each step of the load took, so that a slow one is seen. */
    private static final class Steps {

        private long last;

        Steps(long started) {
            this.last = started;
        }

        void done(String step) {
            long now = System.nanoTime();
            log.info("Demo: {} took {} ms", step, (now - last) / 1_000_000);
            last = now;
        }
    }

    private void alreadyLoaded() {
        log.info("Demo: the database already holds data ({} persons); nothing loaded", registry.countPersons());
        printUsers();
    }

    private void printUsers() {
        StringBuilder text = new StringBuilder("Demo users, all with the password '" + DEMO_PASSWORD + "':\n");
        demoUsers().keySet().forEach(name -> text.append("  ").append(name).append('\n'));
        System.out.print(text);
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!registry.organisations().isEmpty()) {
            alreadyLoaded();
            return;
        }
        long started = System.nanoTime();
        // One instant for the whole load: a load that runs past midnight still builds one consistent world
        Instant now = Instant.now();
        LocalDate today = LocalDate.ofInstant(now, ZoneId.systemDefault());
        DemoPersonGenerator generator = new DemoPersonGenerator(SEED);
        List<NewPerson> world = generator.generate(persons, today);
        Steps steps = new Steps(started);
        steps.done("generating the persons");
        long[] roundMillis = new long[2];
        // Asked again under a lock: of two instances started at once on one empty database only one loads the world
        boolean loaded = Boolean.TRUE.equals(transaction.execute(status -> {
            locks.lock("demo");
            if (!registry.organisations().isEmpty()) {
                return false;
            }
            registry.addOrganisation("party-a", "Party A", OrganisationKind.PARTY, "uk");
            registry.addOrganisation("party-b", "Party B", OrganisationKind.PARTY, "ru");
            registry.addOrganisation("intermediary", "Intermediary", OrganisationKind.INTERMEDIARY, "en");
            users.createDemoUsers(demoUsers(), DEMO_PASSWORD);
            steps.done("organisations and users");
            Map<String, Caller> registrars = Map.of("party-a", users.callerOf("registrar@party-a"),
                    "party-b", users.callerOf("registrar@party-b"));
            DemoTracing tracingRequests = new DemoTracing(SEED, tracing, registrars,
                    users.callerOf("registrar@intermediary"));
            tracingRequests.early(world, generator.ownNames());
            steps.done("tracing requests before the load");
            List<Long> ids = registry.bulkLoad(world);
            steps.done("loading the persons (with the standing search)");
            new DemoStatements(SEED, wishes).record(world, ids, registrars,
                    users.callerOf("interviewer@intermediary"), today);
            steps.done("statements");
            tracingRequests.late(world, generator.ownNames());
            steps.done("tracing requests after the load");
            long roundStarted = System.nanoTime();
            if (persons >= DemoRound.MIN_PERSONS) {
                DemoExecutedRound executed = new DemoExecutedRound(exchanges, lists, exchangeLists, agreements,
                        handovers, wishes, publicIds, users::callerOf);
                new DemoRound(SEED, exchanges, lists, reconciliations, publicIds, executed).build(world,
                        generator.ownNames(), ids, users.callerOf("negotiator@party-a"),
                        users.callerOf("negotiator@party-b"), now);
                roundMillis[1] = executed.millis();
            }
            roundMillis[0] = (System.nanoTime() - roundStarted) / 1_000_000;
            return true;
        }));
        if (!loaded) {
            alreadyLoaded();
            return;
        }
        loadedAt = now;
        printUsers();
        log.info("Demo: loaded {} persons in {} ms (the exchange rounds: {} ms, of which the executed one {} ms)",
                persons, (System.nanoTime() - started) / 1_000_000, roundMillis[0], roundMillis[1]);
    }
}
