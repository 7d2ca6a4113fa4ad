package org.parley.registry;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.parley.api.Caller;
import org.parley.api.CanonicalJsonBytes;
import org.parley.audit.AuditLog;
import org.parley.database.BinaryCopyQuery;
import org.parley.database.CsvCopy;
import org.parley.database.DeferredIndexes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Loads many persons with their histories through PostgreSQL COPY, in the caller's transaction. Each history
 * is replayed through the {@link Lifecycle} rules first, so a bulk load can never store what the API refuses.
 */
@Component
class PersonBulkLoader {

    private static final List<PersonField> FACTS = List.of(PersonField.values());

    /**
     * New persons from which a bulk load builds the person tables' indexes after inserting them rather than as it
     * inserts, if they are at least as many as the registry held before: a first load, or one that doubles it.
     */
    private static final long BULK_MINIMUM = 100_000;
    private static final List<String> BULK_TABLES = List.of("person", "person_name_key", "person_search_word",
            "person_name_pair", "person_blocking_key", "person_event");
    /** Persons per COPY batch. */
    private static final int BATCH = 5_000;
    /** Threads preparing batches: the machine's cores, one of which PostgreSQL's backend shares. */
    private static final int PREPARERS = Math.max(1, Runtime.getRuntime().availableProcessors());
    private static final String PERSON_COLUMNS = FACTS.stream().map(PersonField::column)
            .collect(Collectors.joining(", "));
    /** Persons whose states are read back and hashed per query, for their audit entries. */
    private static final int AUDIT_BATCH = 20_000;

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final OrganisationRepository organisations;

    PersonBulkLoader(DataSource dataSource, JdbcClient jdbc, OrganisationRepository organisations) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.organisations = organisations;
    }

    /**
     * Loads the persons; answers their ids. The rows of each batch are prepared (histories replayed, keys and search
     * words computed) by {@link #PREPARERS} threads ahead of the batch being sent, so that the two halves of the work —
     * Java's and PostgreSQL's — run side by side; the batches go in in order, in the caller's transaction.
     */
    List<Long> load(List<NewPerson> newPersons, Map<String, Long> partyIds) {
        if (newPersons.isEmpty()) {
            return List.of();
        }
        List<Long> ids = jdbc.sql("select nextval(pg_get_serial_sequence('person', 'id')) from generate_series(1, :n)")
                .param("n", newPersons.size()).query(Long.class).list();
        NamePartKeys partKeys = new NamePartKeys();
        Set<String> names = new HashSet<>();
        Set<List<String>> spellings = new HashSet<>();
        ExecutorService preparers = Executors.newFixedThreadPool(PREPARERS, task -> {
            Thread thread = new Thread(task, "bulk-load-rows");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Deque<Future<Rows>> ahead = new ArrayDeque<>();
            int next = 0;
            while (next < newPersons.size() || !ahead.isEmpty()) {
                while (next < newPersons.size() && ahead.size() < PREPARERS * 2) {
                    int from = next;
                    int to = Math.min(newPersons.size(), from + BATCH);
                    ahead.add(preparers.submit(() -> rows(newPersons, ids, from, to, partyIds, partKeys)));
                    next = to;
                }
                Rows rows = done(ahead.poll());
                copy("copy person (id, " + PERSON_COLUMNS + ", fact_sources, status, notified_on, "
                        + "custody_ended_on, name_script) from stdin (format csv)", rows.persons);
                copy("copy person_event (person_id, seq, type, occurred_on, place, note) from stdin (format csv)",
                        rows.events);
                copy("copy person_name_key (person_id, key) from stdin (format csv)", rows.keys);
                copy("copy person_search_word (person_id, part, written, word) from stdin (format csv)", rows.words);
                copy("copy person_name_pair (person_id, pair) from stdin (format csv)", rows.pairs);
                copy("copy person_blocking_key (person_id, holding_party_id, key) from stdin (format csv)",
                        rows.blockingKeys);
                names.addAll(rows.names);
                spellings.addAll(rows.spellings);
            }
        } finally {
            preparers.shutdownNow();
        }
        jdbc.sql("insert into name_word (word) select unnest(:words::text[]) on conflict do nothing")
                .param("words", names.stream().sorted().toArray(String[]::new)).update();
        List<List<String>> sorted = spellings.stream().sorted(Comparator.comparing((List<String> r) -> r.get(0))
                .thenComparing(r -> r.get(1)).thenComparing(r -> r.get(2))).toList();
        jdbc.sql("insert into name_spelling (pair, surname, given_name) select * from unnest(:pairs::text[], "
                        + ":surnames::text[], :givenNames::text[]) on conflict do nothing")
                .param("pairs", sorted.stream().map(r -> r.get(0)).toArray(String[]::new))
                .param("surnames", sorted.stream().map(r -> r.get(1)).toArray(String[]::new))
                .param("givenNames", sorted.stream().map(r -> r.get(2)).toArray(String[]::new)).update();
        return ids;
    }

    /**
     * The COPY rows of one batch of persons, and the name words (for {@code name_word}) and spellings (pair, surname,
     * given name: for {@code name_spelling}) among them.
     */
    private record Rows(StringBuilder persons, StringBuilder events, StringBuilder keys, StringBuilder words,
            StringBuilder pairs, StringBuilder blockingKeys, Set<String> names, Set<List<String>> spellings) {
    }

    private static Rows rows(List<NewPerson> newPersons, List<Long> ids, int from, int to, Map<String, Long> partyIds,
            NamePartKeys partKeys) {
        // sized for a demo person's rows, so that a batch's text is seldom copied as it grows
        int n = to - from;
        Rows rows = new Rows(new StringBuilder(n * 1400), new StringBuilder(n * 400), new StringBuilder(n * 96),
                new StringBuilder(n * 256), new StringBuilder(n * 128), new StringBuilder(n * 192), new HashSet<>(),
                new HashSet<>());
        // many persons share one combination of sources: each combination's JSON is written once a batch
        Map<Map<PersonField, FactRecord>, String> sourcesJson = new HashMap<>();
        for (int i = from; i < to; i++) {
            NewPerson person = newPersons.get(i);
            long id = ids.get(i);
            Lifecycle.State state = replay(i, person);
            appendPerson(rows.persons, id, person.facts(), state, partyIds,
                    sourcesJson.computeIfAbsent(person.facts().sources(), PersonRepository::writeSources));
            for (String key : NameKeyRepository.keys(person.facts(), partKeys)) {
                row(rows.keys, id, key);
            }
            Set<SearchWords.Word> words = SearchWords.of(person.facts(), partKeys);
            for (SearchWords.Word word : words) {
                row(rows.words, id, word.part().code(), word.written(), word.text());
                if (word.nameAsWritten()) {
                    rows.names.add(word.text());
                }
            }
            String surname = (String) person.facts().get(PersonField.SURNAME);
            String givenName = (String) person.facts().get(PersonField.GIVEN_NAME);
            for (String pair : SearchWords.pairs(words)) {
                row(rows.pairs, id, pair);
                if (surname != null && givenName != null && SearchWords.givenNamePair(pair)) {
                    rows.spellings.add(List.of(pair, surname, givenName));
                }
            }
            Long holder = partyIds.get((String) person.facts().get(PersonField.HOLDING_PARTY));
            for (long key : BlockingKeys.of(person.facts())) {
                row(rows.blockingKeys, id, holder, key);
            }
            int seq = 1;
            for (EventInput event : person.events()) {
                row(rows.events, id, seq++, event.type(), event.occurredOn(), event.place(), event.note());
            }
        }
        return rows;
    }

    /** A batch's rows once prepared; what went wrong preparing them, as it was thrown. */
    private static Rows done(Future<Rows> rows) {
        try {
            return rows.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading persons", e);
        }
    }

    /**
     * Drops the secondary indexes, foreign keys and (but the person table's) keys of the person tables if
     * {@code newPersons} make a large first load ({@link DeferredIndexes#dropWithKeys}, in the caller's transaction);
     * else nothing. Restore them before anything reads those tables (the audit entries' states read the last event of
     * each person by its key). {@code step} is told what is done.
     */
    DeferredIndexes deferIndexes(long newPersons, Consumer<String> step) {
        if (newPersons < BULK_MINIMUM || newPersons < jdbc.sql("select count(*) from person").query(Long.class)
                .single()) {
            return null;
        }
        step.accept("dropping the indexes and keys of the person tables, to build them once after the insert");
        return DeferredIndexes.dropWithKeys(jdbc, BULK_TABLES);
    }

    /** Refreshes the planner's statistics after a load, which can change the tables' sizes by orders of magnitude. */
    void analyze() {
        jdbc.sql("analyze person, person_event, person_name_key, person_search_word, person_name_pair, name_spelling, "
                + "name_word, person_blocking_key")
                .update();
    }

    /**
     * Writes the audit entries of new persons, those {@code where} selects (on {@code p}): their states are read back
     * in one binary stream and hashed as they arrive, as the audit verifier hashes them.
     */
    void audit(Caller caller, String action, AuditLog.Bulk bulk, String where) {
        Map<Long, byte[]> partyCodes = new HashMap<>();
        organisations.findAll().forEach(o -> partyCodes.put(o.id(), o.code().getBytes(StandardCharsets.UTF_8)));
        CanonicalJsonBytes out = new CanonicalJsonBytes();
        List<AuditLog.HashedChange> changes = new ArrayList<>();
        BinaryCopyQuery.forEach(dataSource, PersonStates.CURRENT_STATES + where + " order by p.id", row ->
                changes.add(new AuditLog.HashedChange(action, PersonStates.RECORD_TYPE,
                        Long.toString(row.int8(0)), row.int4(1), PersonStates.stateHash(row, partyCodes, out))));
        bulk.append(caller, changes);
    }

    /** The audit entries of the persons with these ids, in batches of {@link #AUDIT_BATCH}. */
    void audit(Caller caller, String action, AuditLog.Bulk bulk, List<Long> ids) {
        for (int from = 0; from < ids.size(); from += AUDIT_BATCH) {
            List<Long> batch = ids.subList(from, Math.min(ids.size(), from + AUDIT_BATCH));
            audit(caller, action, bulk, "where p.id = any('{" + batch.stream().map(String::valueOf)
                    .collect(Collectors.joining(",")) + "}'::bigint[])");
        }
    }

    private static Lifecycle.State replay(int index, NewPerson person) {
        Lifecycle.State state;
        try {
            state = Lifecycle.replayInputs(person.events());
        } catch (InvalidTransitionException e) {
            throw new IllegalArgumentException("person " + (index + 1) + ": " + e.getMessage(), e);
        }
        if (state.status() == null) {
            throw new IllegalArgumentException("person " + (index + 1) + " has no history");
        }
        return state;
    }

    private static void appendPerson(StringBuilder rows, long id, PersonInput facts, Lifecycle.State state,
            Map<String, Long> partyIds, String sourcesJson) {
        List<Object> values = new ArrayList<>();
        values.add(id);
        for (PersonField field : FACTS) {
            Object value = facts.get(field);
            values.add(switch (field.kind().name()) {
                case "party" -> value == null ? null : partyIds.get((String) value);
                case "boolean" -> Boolean.TRUE.equals(value);
                default -> value;
            });
        }
        values.add(sourcesJson);
        values.add(state.status().name());
        values.add(state.notifiedOn());
        values.add(state.custodyEndedOn());
        values.add(PersonRepository.nameScript(facts).iso15924());
        row(rows, values.toArray());
    }

    private void copy(String sql, StringBuilder rows) {
        CsvCopy.copy(dataSource, sql, rows);
    }

    private static void row(StringBuilder rows, Object... values) {
        CsvCopy.row(rows, values);
    }
}
