package org.parley.registry;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.parley.api.CanonicalJson;

/**
 * Writes a person's state (see {@link PersonStates}) as canonical JSON straight into a string, members in the
 * order RFC 8785 sorts them, without building a tree: the verifier writes a million of these.
 */
final class PersonStateJson {

    /** An event's members; {@code changes} is already canonical JSON, or null. */
    record Event(long id, int seq, String type, String occurredOn, String place, String note, Long supersedes,
            String changes) {
    }

    private static final String ID = "id";
    private static final String VERSION = "version";
    private static final String SOURCES = PersonJson.SOURCES;
    private static final String STATUS = "status";
    private static final String NOTIFIED_ON = "notifiedOn";
    private static final String EVENT = "event";
    /** Every member of a state, sorted by UTF-16 code units as JCS requires. */
    private static final String[] KEYS;
    private static final Map<String, PersonField> FACTS = new HashMap<>();

    static {
        Arrays.stream(PersonField.values()).forEach(f -> FACTS.put(f.jsonName(), f));
        KEYS = java.util.stream.Stream.concat(FACTS.keySet().stream(),
                java.util.stream.Stream.of(ID, VERSION, SOURCES, STATUS, NOTIFIED_ON, EVENT)).sorted()
                .toArray(String[]::new);
    }

    private PersonStateJson() {
    }

    /**
     * @param facts by {@link PersonField#ordinal()}: a String, a Boolean, or null where unknown
     * @param sources the sources as canonical JSON
     */
    static String write(long id, int version, Object[] facts, String sources, String status, String notifiedOn,
            Event event) {
        StringBuilder out = new StringBuilder(1024);
        out.append('{');
        for (int i = 0; i < KEYS.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            String key = KEYS[i];
            CanonicalJson.string(out, key);
            out.append(':');
            switch (key) {
                case ID -> out.append(id);
                case VERSION -> out.append(version);
                case SOURCES -> out.append(sources);
                case STATUS -> text(out, status);
                case NOTIFIED_ON -> text(out, notifiedOn);
                case EVENT -> event(out, event);
                default -> value(out, facts[FACTS.get(key).ordinal()]);
            }
        }
        return out.append('}').toString();
    }

    private static void event(StringBuilder out, Event e) {
        out.append("{\"changes\":").append(e.changes() == null ? "null" : e.changes());
        out.append(",\"id\":").append(e.id());
        out.append(",\"note\":");
        text(out, e.note());
        out.append(",\"occurredOn\":");
        text(out, e.occurredOn());
        out.append(",\"place\":");
        text(out, e.place());
        out.append(",\"seq\":").append(e.seq());
        out.append(",\"supersedes\":").append(e.supersedes());
        out.append(",\"type\":");
        text(out, e.type());
        out.append('}');
    }

    private static void value(StringBuilder out, Object value) {
        if (value instanceof Boolean b) {
            out.append(b.booleanValue());
        } else {
            text(out, (String) value);
        }
    }

    private static void text(StringBuilder out, String value) {
        if (value == null) {
            out.append("null");
        } else {
            CanonicalJson.string(out, value);
        }
    }
}
