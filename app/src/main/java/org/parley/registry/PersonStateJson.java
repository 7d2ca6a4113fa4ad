package org.parley.registry;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.parley.api.CanonicalJsonBytes;

/**
 * Writes a person's state (see {@link PersonStates}) as canonical JSON straight into UTF-8 bytes, members in the
 * order RFC 8785 sorts them, without building a tree: the verifier writes a million of these. Text values come as
 * Java strings when a change is recorded and as the UTF-8 bytes of the stored columns when the verifier recomputes
 * a state; both give the same bytes (see {@link CanonicalJsonBytes}).
 */
final class PersonStateJson {

    /**
     * An event's members. Text members ({@code type}, {@code place}, {@code note}) are a String, UTF-8 bytes or
     * null; {@code changes} is already canonical JSON (String or bytes), or null.
     */
    record Event(long id, int seq, Object type, String occurredOn, Object place, Object note, Long supersedes,
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
     * @param facts by {@link PersonField#ordinal()}: a String, UTF-8 bytes, a Boolean, or null where unknown
     * @param sources the sources as canonical JSON (String or UTF-8 bytes)
     * @param status a String or UTF-8 bytes
     */
    static CanonicalJsonBytes write(CanonicalJsonBytes out, long id, int version, Object[] facts, Object sources,
            Object status, String notifiedOn, Event event) {
        out.reset().ascii('{');
        for (int i = 0; i < KEYS.length; i++) {
            if (i > 0) {
                out.ascii(',');
            }
            out.name(NAMES[i]);
            int slot = SLOTS[i];
            if (slot >= 0) {
                value(out, facts[slot]);
                continue;
            }
            switch (KEYS[i]) {
                case ID -> out.number(id);
                case VERSION -> out.number(version);
                case SOURCES -> raw(out, sources);
                case STATUS -> text(out, status);
                case NOTIFIED_ON -> out.string(notifiedOn);
                default -> event(out, event);
            }
        }
        return out.ascii('}');
    }

    private static void event(CanonicalJsonBytes out, Event e) {
        if (e == null) {
            out.raw((byte[]) null);
            return;
        }
        out.ascii('{').name(CHANGES);
        raw(out, e.changes());
        out.ascii(',').name(EVENT_ID).number(e.id());
        out.ascii(',').name(NOTE);
        text(out, e.note());
        out.ascii(',').name(OCCURRED_ON).string(e.occurredOn());
        out.ascii(',').name(PLACE);
        text(out, e.place());
        out.ascii(',').name(SEQ).number(e.seq());
        out.ascii(',').name(SUPERSEDES).number(e.supersedes());
        out.ascii(',').name(TYPE);
        text(out, e.type());
        out.ascii('}');
    }

    private static void value(CanonicalJsonBytes out, Object value) {
        if (value instanceof Boolean b) {
            out.bool(b);
        } else {
            text(out, value);
        }
    }

    private static void text(CanonicalJsonBytes out, Object value) {
        if (value instanceof byte[] bytes) {
            out.string(bytes);
        } else {
            out.string((String) value);
        }
    }

    private static void raw(CanonicalJsonBytes out, Object json) {
        if (json instanceof byte[] bytes) {
            out.raw(bytes);
        } else {
            out.raw((String) json);
        }
    }
}
