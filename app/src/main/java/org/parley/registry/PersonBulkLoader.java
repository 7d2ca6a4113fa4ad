package org.parley.registry;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    /** Loads the persons; answers their ids. */
    List<Long> load(List<NewPerson> newPersons, Map<String, Long> partyIds) {
        if (newPersons.isEmpty()) {
            return List.of();
        }
        List<Long> ids = jdbc.sql("select nextval(pg_get_serial_sequence('person', 'id')) from generate_series(1, :n)")
                .param("n", newPersons.size()).query(Long.class).list();
        String personColumns = FACTS.stream().map(PersonField::column).collect(Collectors.joining(", "));
        Set<String> names = new HashSet<>();
        Set<List<String>> spellings = new HashSet<>();
        // COPY in batches: the rows of a million persons would not fit in one string
        for (int from = 0; from < newPersons.size(); from += BATCH) {
            StringBuilder personRows = new StringBuilder();
            StringBuilder eventRows = new StringBuilder();
            StringBuilder keyRows = new StringBuilder();
            StringBuilder wordRows = new StringBuilder();
            StringBuilder pairRows = new StringBuilder();
            StringBuilder blockingKeyRows = new StringBuilder();
            for (int i = from; i < Math.min(newPersons.size(), from + BATCH); i++) {
                NewPerson person = newPersons.get(i);
                Lifecycle.State state = replay(i, person);
                appendPerson(personRows, ids.get(i), person.facts(), state, partyIds);
                for (String key : NameKeyRepository.keys(person.facts())) {
                    row(keyRows, ids.get(i), key);
                }
                Set<SearchWords.Word> words = SearchWords.of(person.facts());
                for (SearchWords.Word word : words) {
                    row(wordRows, ids.get(i), word.part().code(), word.written(), word.text());
                    if (word.nameAsWritten()) {
                        names.add(word.text());
                    }
                }
                String surname = (String) person.facts().get(PersonField.SURNAME);
                String givenName = (String) person.facts().get(PersonField.GIVEN_NAME);
                for (String pair : SearchWords.pairs(words)) {
                    row(pairRows, ids.get(i), pair);
                    if (surname != null && givenName != null && SearchWords.givenNamePair(pair)) {
                        spellings.add(List.of(pair, surname, givenName));
                    }
                }
                Long holder = partyIds.get((String) person.facts().get(PersonField.HOLDING_PARTY));
                for (long key : BlockingKeys.of(person.facts())) {
                    row(blockingKeyRows, ids.get(i), holder, key);
                }
                int seq = 1;
                for (EventInput event : person.events()) {
                    row(eventRows, ids.get(i), seq++, event.type(), event.occurredOn(), event.place(), event.note());
                }
            }
            copy("copy person (id, " + personColumns + ", fact_sources, status, notified_on, "
                    + "custody_ended_on, name_script) from stdin (format csv)", personRows);
            copy("copy person_event (person_id, seq, type, occurred_on, place, note) from stdin (format csv)",
                    eventRows);
            copy("copy person_name_key (person_id, key) from stdin (format csv)", keyRows);
            copy("copy person_search_word (person_id, part, written, word) from stdin (format csv)", wordRows);
            copy("copy person_name_pair (person_id, pair) from stdin (format csv)", pairRows);
            copy("copy person_blocking_key (person_id, holding_party_id, key) from stdin (format csv)",
                    blockingKeyRows);
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
     * Drops the secondary indexes and foreign keys of the person tables if {@code newPersons} make a large first
     * load ({@link DeferredIndexes}, in the caller's transaction); else nothing. {@code step} is told what is done.
     */
    DeferredIndexes deferIndexes(long newPersons, Consumer<String> step) {
        if (newPersons < BULK_MINIMUM || newPersons < jdbc.sql("select count(*) from person").query(Long.class)
                .single()) {
            return null;
        }
        step.accept("dropping the indexes of the person tables, to build them once after the insert");
        return DeferredIndexes.drop(jdbc, BULK_TABLES);
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

    private void appendPerson(StringBuilder rows, long id, PersonInput facts, Lifecycle.State state,
            Map<String, Long> partyIds) {
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
        values.add(PersonRepository.writeSources(facts));
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
