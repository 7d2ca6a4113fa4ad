package org.parley.registry;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.parley.api.CanonicalJsonBytes;
import org.parley.database.BinaryCopyQuery;

/**
 * Writes a person's state (see {@link PersonStates}) as canonical JSON straight into UTF-8 bytes, members in the
 * order RFC 8785 sorts them, without building a tree: the verifier writes a million of these. Text values come as
 * Java strings when a change is recorded and as the UTF-8 bytes of the stored columns when the verifier recomputes
 * a state; both give the same bytes (see {@link CanonicalJsonBytes}).
 */
final class PersonStateJson {

    /**
     * An event's members. Text members ({@code type}, {@code place}, {@code note}) are text values as {@link #write}
     * takes them; {@code changes} is already canonical JSON, or null.
     */
    record Event(long id, int seq, Object type, LocalDate occurredOn, Object place, Object note, Long supersedes,
            Object changes) {
    }

    private static final String ID = "id";
    private static final String VERSION = "version";
    private static final String SOURCES = PersonJson.SOURCES;
    private static final String STATUS = "status";
    private static final String NOTIFIED_ON = "notifiedOn";
    private static final String EVENT = "event";
    /** Every member of a state, sorted by UTF-16 code units as JCS requires, and each one's name as written. */
    private static final String[] KEYS;
    private static final byte[][] NAMES;
    /** For each member: the fact's {@link PersonField#ordinal()}, or -1 for the others. */
    private static final int[] SLOTS;
    private static final Map<String, PersonField> FACTS = new HashMap<>();
    private static final byte[] CHANGES = CanonicalJsonBytes.memberName("changes");
    private static final byte[] EVENT_ID = CanonicalJsonBytes.memberName("id");
    private static final byte[] NOTE = CanonicalJsonBytes.memberName("note");
    private static final byte[] OCCURRED_ON = CanonicalJsonBytes.memberName("occurredOn");
    private static final byte[] PLACE = CanonicalJsonBytes.memberName("place");
    private static final byte[] SEQ = CanonicalJsonBytes.memberName("seq");
    private static final byte[] SUPERSEDES = CanonicalJsonBytes.memberName("supersedes");
    private static final byte[] TYPE = CanonicalJsonBytes.memberName("type");

    static {
        Arrays.stream(PersonField.values()).forEach(f -> FACTS.put(f.jsonName(), f));
        KEYS = Stream.concat(FACTS.keySet().stream(), Stream.of(ID, VERSION, SOURCES, STATUS, NOTIFIED_ON, EVENT))
                .sorted().toArray(String[]::new);
        NAMES = Arrays.stream(KEYS).map(CanonicalJsonBytes::memberName).toArray(byte[][]::new);
        SLOTS = Arrays.stream(KEYS).mapToInt(key -> FACTS.containsKey(key) ? FACTS.get(key).ordinal() : -1).toArray();
    }

    private PersonStateJson() {
    }

    /**
     * A value that lies in a column of the row being read: written from the row's bytes where they are, not copied
     * (the verifier writes about thirty of them per person).
     */
    record Column(int index) {

        private static final Column[] FIRST = IntStream.range(0, 64).mapToObj(Column::new).toArray(Column[]::new);

        static Column of(int index) {
            return index < FIRST.length ? FIRST[index] : new Column(index);
        }
    }

    /**
     * Writes a state. Text values are a String, UTF-8 bytes, a {@link Column} of {@code row}, a date, or null; JSON values
     * ({@code sources}, an event's {@code changes}) the same, already canonical.
     *
     * @param facts by {@link PersonField#ordinal()}: a text value, a Boolean, or null where unknown
     * @param row the row that {@link Column} values are in; null when there are none
     */
    static CanonicalJsonBytes write(CanonicalJsonBytes out, long id, int version, Object[] facts, Object sources,
            Object status, LocalDate notifiedOn, Event event, BinaryCopyQuery.Row row) {
        out.reset().ascii('{');
        for (int i = 0; i < KEYS.length; i++) {
            if (i > 0) {
                out.ascii(',');
            }
            out.name(NAMES[i]);
            int slot = SLOTS[i];
            if (slot >= 0) {
                value(out, facts[slot], row);
                continue;
            }
            switch (KEYS[i]) {
                case ID -> out.number(id);
                case VERSION -> out.number(version);
                case SOURCES -> raw(out, sources, row);
                case STATUS -> text(out, status, row);
                case NOTIFIED_ON -> out.date(notifiedOn);
                default -> event(out, event, row);
            }
        }
        return out.ascii('}');
    }

    private static void event(CanonicalJsonBytes out, Event e, BinaryCopyQuery.Row row) {
        if (e == null) {
            out.raw((byte[]) null);
            return;
        }
        out.ascii('{').name(CHANGES);
        raw(out, e.changes(), row);
        out.ascii(',').name(EVENT_ID).number(e.id());
        out.ascii(',').name(NOTE);
        text(out, e.note(), row);
        out.ascii(',').name(OCCURRED_ON).date(e.occurredOn());
        out.ascii(',').name(PLACE);
        text(out, e.place(), row);
        out.ascii(',').name(SEQ).number(e.seq());
        out.ascii(',').name(SUPERSEDES).number(e.supersedes());
        out.ascii(',').name(TYPE);
        text(out, e.type(), row);
        out.ascii('}');
    }

    private static void value(CanonicalJsonBytes out, Object value, BinaryCopyQuery.Row row) {
        if (value instanceof Boolean b) {
            out.bool(b);
        } else {
            text(out, value, row);
        }
    }

    private static void text(CanonicalJsonBytes out, Object value, BinaryCopyQuery.Row row) {
        if (value instanceof Column column) {
            out.string(row.data(), row.offset(column.index()), row.length(column.index()));
        } else if (value instanceof byte[] bytes) {
            out.string(bytes);
        } else if (value instanceof LocalDate date) {
            out.date(date);
        } else {
            out.string((String) value);
        }
    }

    private static void raw(CanonicalJsonBytes out, Object json, BinaryCopyQuery.Row row) {
        if (json instanceof Column column) {
            out.raw(row.data(), row.offset(column.index()), row.length(column.index()));
        } else if (json instanceof byte[] bytes) {
            out.raw(bytes);
        } else {
            out.raw((String) json);
        }
    }
}
