package org.parley.access;

import jakarta.annotation.PreDestroy;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/**
 * Counts, in memory, the refusals of callers who are not logged in and the failed logins, per client address and
 * minute, so that a flood of them costs a map update each instead of a database transaction and an audit entry
 * each. {@link RefusalTallyJob} stores the minutes that have ended, each source and minute as one
 * {@link RefusalTally} with its audit entry; whatever is still counted is stored when the application stops. A
 * crash loses the counts not yet stored: those of the current minute and, if it came in the seconds before the
 * job, of the one before; so does a failure to write them (the error is logged).
 */
@Component
class RefusalCounts {

    /** Distinct sources counted at once, at most; further ones are counted together under {@value #MANY}. */
    static final int MAX_SOURCES = 10_000;
    static final String MANY = "(many sources)";

    private final Map<Key, RefusalTally.Counter> counters = new ConcurrentHashMap<>();
    private final ClientAddress clients;
    private final RefusalTallyLog log;

    RefusalCounts(ClientAddress clients, RefusalTallyLog log) {
        this.clients = clients;
        this.log = log;
    }

    private record Key(String source, Instant minute) {
    }

    /** A request of the current client refused because nobody is logged in. */
    void refused(String method, String path) {
        Key key = key();
        while (!counter(key).refused(method + " " + path)) {
            Thread.onSpinWait(); // the counter was just taken for storing: count in a new one
        }
    }

    /** A failed login from the current client, with the username as typed. */
    void failedLogin(String username) {
        Key key = key();
        while (!counter(key).failedLogin(username)) {
            Thread.onSpinWait();
        }
    }

    /** Stores the counts of the minutes that have ended. */
    void storeEndedMinutes() {
        Instant thisMinute = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        store(key -> key.minute().isBefore(thisMinute));
    }

    /** Stores every count, also of the current minute (at shutdown, and in tests). */
    @PreDestroy
    void storeAll() {
        store(key -> true);
    }

    private synchronized void store(Predicate<Key> which) {
        List<RefusalTally> tallies = new ArrayList<>();
        for (Key key : List.copyOf(counters.keySet())) {
            if (which.test(key)) {
                RefusalTally.Counter counter = counters.remove(key);
                if (counter != null) {
                    tallies.add(counter.close());
                }
            }
        }
        if (!tallies.isEmpty()) {
            log.record(tallies);
        }
    }

    private Key key() {
        return new Key(clients.current(), Instant.now().truncatedTo(ChronoUnit.MINUTES));
    }

    private RefusalTally.Counter counter(Key key) {
        RefusalTally.Counter counter = counters.get(key);
        if (counter != null) {
            return counter;
        }
        Key counted = counters.size() < MAX_SOURCES ? key : new Key(MANY, key.minute());
        return counters.computeIfAbsent(counted, k -> new RefusalTally.Counter(k.source(), k.minute()));
    }
}
