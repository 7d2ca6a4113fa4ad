package org.parley.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.parley.api.Caller;
import org.parley.audit.AuditLog;
import org.parley.database.CsvCopy;
import org.parley.database.DeferredIndexes;

/**
 * The rows of one import on their way into the registry: a temporary table ({@code person_import_staging}, dropped
 * at the end of the transaction) filled through COPY as the file is read, then checked ({@link #check}) and merged
 * ({@link #merge}) in SQL. A row is the holding party's person with the same {@code prisoner_number}; a row without
 * one is the person (of that party, without a prisoner number) whose facts in the file's columns are the same — a
 * hash of them — or a new person.
 */
public final class PersonImportStaging {

    private static final PersonField[] FIELDS = PersonField.values();
    /** Rows sent per COPY, and persons read back per query. */
    private static final int BATCH = 5_000;
    private static final String TABLE = "person_import_staging";
    private final PersonImport registry;
    private final Caller caller;
    private final String holdingParty;
    private final Map<String, Long> partyIds;
    private final Map<Long, String> partyCodes = new HashMap<>();
    /** The facts the file gives: what is compared and changed. */
    private final List<PersonField> given;
    private final StringBuilder rows = new StringBuilder();
    private int buffered;
    private long staged;
    /** Ids taken from the person sequence for the rows of the batch, used if a row turns out to be new. */
    private final java.util.ArrayDeque<Long> ids = new java.util.ArrayDeque<>();
    /** The keys of each name part, computed once for the whole import and shared by name keys and search words. */
    private final NamePartKeys partKeys = new NamePartKeys();

    PersonImportStaging(PersonImport registry, Caller caller, String holdingParty, Map<String, Long> partyIds,
            Set<PersonField> given) {
        this.registry = registry;
        this.caller = caller;
        this.holdingParty = holdingParty;
        this.partyIds = partyIds;
        partyIds.forEach((code, id) -> partyCodes.put(id, code));
        this.given = java.util.Arrays.stream(FIELDS).filter(f -> given.contains(f) && f != PersonField.HOLDING_PARTY)
                .toList();
        String columns = java.util.Arrays.stream(FIELDS).map(f -> f.column() + " " + sqlType(f))
                .collect(Collectors.joining(", "));
        registry.jdbc().sql("create temporary table " + TABLE + " (line bigint not null, person_id bigint, "
                + "new_id bigint not null, " + columns + ", fact_sources text, name_script text, "
                + "name_keys text[], word_parts smallint[], word_written boolean[], words text[], name_pairs text[], "
                + "name_words text[], spelling_pairs text[], blocking_keys bigint[]) "
                + "on commit drop").update();
    }

    private static String sqlType(PersonField field) {
        return switch (field.kind().name()) {
            case "party" -> "bigint";
            case "boolean" -> "boolean";
            case "date" -> "date";
            default -> "text";
        };
    }

    /** Adds a row; rows go to the database in batches. Its party codes must be known parties. */
    public void add(PersonImportRow row) {
        PersonInput facts = row.facts();
        List<Object> values = new ArrayList<>(FIELDS.length + 6);
        if (ids.isEmpty()) {
            // one query for a batch's ids, as the bulk loader takes them; a row found in the registry leaves a gap
            ids.addAll(registry.jdbc().sql("select nextval(pg_get_serial_sequence('person', 'id')) "
                    + "from generate_series(1, :n)").param("n", BATCH).query(Long.class).list());
        }
        values.add(row.line());
        values.add(null);
        values.add(ids.poll());
        for (PersonField field : FIELDS) {
            Object value = field == PersonField.HOLDING_PARTY ? holdingParty : facts.get(field);
            values.add(switch (field.kind().name()) {
                case "party" -> value == null ? null : partyIds.get((String) value);
                case "boolean" -> Boolean.TRUE.equals(value);
                default -> value;
            });
        }
        values.add(PersonRepository.writeSources(facts.sources()));
        values.add(PersonRepository.nameScript(facts).iso15924());
        values.add(arrayLiteral(NameKeyRepository.keys(facts, partKeys)));
        Set<SearchWords.Word> wordSet = SearchWords.of(facts, partKeys);
        List<SearchWords.Word> words = List.copyOf(wordSet);
        values.add(words.stream().map(w -> String.valueOf(w.part().code())).collect(Collectors.joining(",", "{", "}")));
        values.add(words.stream().map(w -> String.valueOf(w.written())).collect(Collectors.joining(",", "{", "}")));
        values.add(arrayLiteral(words.stream().map(SearchWords.Word::text).toList()));
        Set<String> pairs = SearchWords.pairs(wordSet);
        values.add(arrayLiteral(pairs));
        // for name_word and name_spelling, chosen by the rules registration and the bulk loader follow
        values.add(arrayLiteral(words.stream().filter(SearchWords.Word::nameAsWritten).map(SearchWords.Word::text)
                .distinct().toList()));
        values.add(arrayLiteral(facts.get(PersonField.SURNAME) == null || facts.get(PersonField.GIVEN_NAME) == null
                ? List.of() : pairs.stream().filter(SearchWords::givenNamePair).toList()));
        values.add(BlockingKeys.arrayLiteral(BlockingKeys.of(facts)));
        CsvCopy.row(rows, values.toArray());
        if (++buffered == BATCH) {
            flush();
        }
    }

    /** How many rows were staged. */
    public long staged() {
        return staged + buffered;
    }

    private void flush() {
        if (buffered > 0) {
            CsvCopy.copy(registry.dataSource(), "copy " + TABLE + " from stdin (format csv)", rows);
            staged += buffered;
            rows.setLength(0);
            buffered = 0;
        }
    }

    private static String arrayLiteral(Collection<String> keys) {
        return keys.stream().map(k -> "\"" + k.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                .collect(Collectors.joining(",", "{", "}"));
    }

    /** The given facts' columns, prefixed ({@code s.surname, s.given_name…}). */
    private String given(String prefix) {
        return given.isEmpty() ? "null" : given.stream().map(f -> prefix + f.column()).collect(Collectors.joining(", "));
    }

    private String contentHash(String prefix) {
        return "md5(row(" + given(prefix) + ")::text)";
    }

    /**
     * Finds the persons the rows are, and refuses the rows the registry cannot take: a prisoner number or a row given
     * twice, a new person without a surname, a power of origin changed after the notification. Refused rows leave
     * the staging table.
     */
    public List<PersonImportRefusal> check() {
        flush();
        var jdbc = registry.jdbc();
        jdbc.sql("analyze " + TABLE).update();
        List<PersonImportRefusal> refused = new ArrayList<>();
        refused.addAll(jdbc.sql("select line, prisoner_number, first from (select line, prisoner_number, "
                        + "min(line) over (partition by prisoner_number) as first from " + TABLE
                        + " where prisoner_number is not null) d where line <> first order by line")
                .query((rs, n) -> new PersonImportRefusal(rs.getLong(1), "prisoner_number", rs.getString(2),
                        "is also on line " + rs.getLong(3)))
                .list());
        refused.addAll(jdbc.sql("select line, first from (select line, min(line) over (partition by "
                        + contentHash("") + ") as first from " + TABLE + " where prisoner_number is null) d "
                        + "where line <> first order by line")
                .query((rs, n) -> new PersonImportRefusal(rs.getLong(1), null, null,
                        "repeats line " + rs.getLong(2) + " (a row without a prisoner number is told by its content)"))
                .list());
        drop(refused);
        long party = partyIds.get(holdingParty);
        jdbc.sql("update " + TABLE + " s set person_id = p.id from person p where p.holding_party_id = :party "
                        + "and s.prisoner_number is not null and p.prisoner_number = s.prisoner_number")
                .param("party", party).update();
        boolean numbered = given.contains(PersonField.PRISONER_NUMBER);
        jdbc.sql("update " + TABLE + " s set person_id = p.id from person p where p.holding_party_id = :party "
                        + (numbered ? "and p.prisoner_number is null " : "")
                        + "and s.prisoner_number is null and " + contentHash("p.") + " = " + contentHash("s."))
                .param("party", party).update();
        List<PersonImportRefusal> more = new ArrayList<>(jdbc.sql("select line from " + TABLE
                        + " where surname is null and (person_id is null or :surnameGiven) order by line")
                .param("surnameGiven", given.contains(PersonField.SURNAME))
                .query((rs, n) -> new PersonImportRefusal(rs.getLong(1), "surname", null,
                        "is required (of a new person, and of a row that gives the surname column)")).list());
        if (given.contains(PersonField.POWER_OF_ORIGIN)) {
            more.addAll(jdbc.sql("select s.line, o.code from " + TABLE + " s join person p on p.id = s.person_id "
                            + "left join organisation o on o.id = s.power_of_origin_id "
                            + "where p.notified_on is not null and p.power_of_origin_id is not null "
                            + "and s.power_of_origin_id is distinct from p.power_of_origin_id order by s.line")
                    .query((rs, n) -> new PersonImportRefusal(rs.getLong(1), "power_of_origin", rs.getString(2),
                            "cannot change: the person was notified to their power of origin, which changes only by "
                                    + "a request the intermediary confirms"))
                    .list());
        }
        drop(more);
        refused.addAll(more);
        refused.sort(java.util.Comparator.comparingLong(PersonImportRefusal::line));
        return refused;
    }

    private void drop(List<PersonImportRefusal> refused) {
        if (!refused.isEmpty()) {
            registry.jdbc().sql("delete from " + TABLE + " where line = any(:lines)")
                    .param("lines", refused.stream().map(PersonImportRefusal::line).toArray(Long[]::new)).update();
        }
    }

    /**
     * Registers the new persons and corrects the changed ones; answers what it did. Call {@link #check} first.
     *
     * @param step told of each step as it begins, for the progress shown
     */
    public PersonImportCounts merge(java.util.function.Consumer<String> step) {
        var jdbc = registry.jdbc();
        long total = jdbc.sql("select count(*) from " + TABLE).query(Long.class).single();
        long created = jdbc.sql("select count(*) from " + TABLE + " where person_id is null").query(Long.class).single();
        DeferredIndexes deferred = registry.deferIndexes(created, step);
        List<Long> createdIds = List.of();
        if (created > 0) {
            step.accept("inserting " + created + " new persons");
            String columns = java.util.Arrays.stream(FIELDS).map(PersonField::column).collect(Collectors.joining(", "));
            jdbc.sql("insert into person (id, " + columns + ", fact_sources, status, name_script) "
                    + "select new_id, " + columns + ", fact_sources::json, 'CAPTURED', name_script from "
                    + TABLE + " where person_id is null").update();
            step.accept("inserting their name keys");
            jdbc.sql("insert into person_name_key (person_id, key) select new_id, unnest(name_keys) from " + TABLE
                    + " where person_id is null").update();
            step.accept("inserting their search words");
            jdbc.sql("insert into person_search_word (person_id, part, written, word) select new_id, "
                    + "unnest(word_parts), unnest(word_written), unnest(words) from " + TABLE
                    + " where person_id is null").update();
            jdbc.sql("insert into person_name_pair (person_id, pair) select new_id, unnest(name_pairs) from " + TABLE
                    + " where person_id is null").update();
            jdbc.sql("insert into name_spelling (pair, surname, given_name) select distinct n.pair, s.surname, "
                    + "s.given_name from " + TABLE + " s, unnest(s.spelling_pairs) as n(pair) "
                    + "where s.person_id is null order by 1, 2, 3 on conflict do nothing").update();
            jdbc.sql("insert into name_word (word) select distinct w.word from " + TABLE + " s, unnest(s.name_words) "
                    + "as w(word) where s.person_id is null order by w.word on conflict do nothing").update();
            step.accept("inserting their blocking keys");
            jdbc.sql("insert into person_blocking_key (person_id, holding_party_id, key) select new_id, "
                    + "holding_party_id, unnest(blocking_keys) from " + TABLE + " where person_id is null").update();
            step.accept("inserting their CAPTURED events");
            jdbc.sql("insert into person_event (person_id, seq, type, occurred_on, place) select new_id, 1, "
                    + "'CAPTURED', capture_date, capture_place from " + TABLE + " where person_id is null").update();
            if (deferred != null) {
                deferred.restore(step);
            }
            step.accept("writing the audit entries of the new persons");
            // new ids follow the lines' order; a batch's ids are written into its query (which takes no parameters)
            createdIds = jdbc.sql("select new_id from " + TABLE + " where person_id is null order by new_id")
                    .query(Long.class).list();
            AuditLog.Bulk bulk = registry.startAudit(createdIds.size());
            registry.auditCreated(caller, bulk, createdIds);
            bulk.finish(step);
        }
        if (!createdIds.isEmpty()) {
            registry.announce(caller, createdIds);
        }
        long updated = 0;
        if (!given.isEmpty() && total > created) {
            step.accept("finding the changed persons");
            List<Long> changed = jdbc.sql("select s.person_id from " + TABLE + " s join person p on p.id = s.person_id "
                            + "where (" + given("p.") + ") is distinct from (" + given("s.")
                            + ") order by s.person_id")
                    .query(Long.class).list();
            if (!changed.isEmpty()) {
                step.accept("correcting " + changed.size() + " changed persons");
            }
            for (int from = 0; from < changed.size(); from += BATCH) {
                List<Long> batch = changed.subList(from, Math.min(changed.size(), from + BATCH));
                Map<Long, StagedRow> staged = stagedRows(batch);
                for (Person current : registry.lockPersons(batch)) {
                    StagedRow row = staged.get(current.id());
                    registry.correct(caller, current, row.over(current.facts(), given), partyIds, row.line());
                }
            }
            registry.announce(caller, changed); // corrected names or dates may now match open tracing requests
            updated = changed.size();
        }
        if (created + updated > 10_000) {
            jdbc.sql("analyze person, person_event, person_name_key, person_search_word, person_name_pair, "
                    + "name_spelling, name_word, person_blocking_key").update();
        }
        return new PersonImportCounts(created, updated, total - created - updated);
    }

    /** A staged row read back: its line and its values. */
    private record StagedRow(long line, Map<PersonField, Object> values) {
        /** The stored facts with the given ones replaced by the row's. */
        PersonInput over(PersonInput stored, List<PersonField> given) {
            Map<PersonField, Object> facts = new EnumMap<>(PersonField.class);
            facts.putAll(stored.values());
            for (PersonField field : given) {
                Object value = values.get(field);
                if (value == null || field.kind().name().equals("boolean") && Boolean.FALSE.equals(value)
                        && !stored.values().containsKey(field)) {
                    facts.remove(field);
                } else {
                    facts.put(field, value);
                }
            }
            return new PersonInput(facts, stored.sources());
        }
    }

    private Map<Long, StagedRow> stagedRows(List<Long> ids) {
        Map<Long, StagedRow> rows = new HashMap<>();
        registry.jdbc().sql("select * from " + TABLE + " where person_id = any(:ids)")
                .param("ids", ids.toArray(Long[]::new))
                .query((ResultSet rs) -> {
                    rows.put(rs.getLong("person_id"), new StagedRow(rs.getLong("line"), values(rs)));
                });
        return rows;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Map<PersonField, Object> values(ResultSet rs) throws SQLException {
        Map<PersonField, Object> values = new EnumMap<>(PersonField.class);
        for (PersonField field : given) {
            String column = field.column();
            Object value = switch (field.kind().name()) {
                case "party" -> rs.getObject(column) == null ? null : partyCodes.get(rs.getLong(column));
                case "boolean" -> rs.getBoolean(column);
                case "date" -> rs.getObject(column, LocalDate.class);
                case "partialDate" -> rs.getString(column) == null ? null : PartialDate.parse(rs.getString(column));
                case "enum" -> rs.getString(column) == null ? null
                        : Enum.valueOf((Class) field.kind().enumType(), rs.getString(column));
                default -> rs.getString(column);
            };
            if (value != null) {
                values.put(field, value);
            }
        }
        return values;
    }
}
