package org.parley.registry;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.parley.api.ConflictException;

/**
 * A batch of notifications refused as a whole because the lifecycle does not allow some of them (409
 * {@code invalid-transition}); nothing was recorded. Names every person refused, with why, so that the registrar can
 * take them out of the selection and send the others.
 */
public class NotificationsRefused extends ConflictException {

    /** Why a person cannot be notified on the day given. */
    public enum Reason {
        /** The power of origin was notified already, on {@code date}. */
        ALREADY_NOTIFIED,
        /** The day is before the person's last event, of {@code date}. */
        BEFORE_LAST_EVENT,
        /** The status does not allow it (a person released, exchanged, repatriated, who remained). */
        STATUS
    }

    /** One person refused; {@code explanation} in English, as the API says it. */
    public record Refusal(String personId, String name, Reason reason, LocalDate date, String explanation) {
    }

    private final transient List<Refusal> refusals;

    NotificationsRefused(List<Refusal> refusals, int asked) {
        super("invalid-transition", refusals.size() + " of the " + asked + " persons cannot be notified, so none was: "
                + refusals.stream().map(r -> r.personId() + " (" + r.name() + "): " + r.explanation())
                        .collect(Collectors.joining("; ")), details(refusals));
        this.refusals = List.copyOf(refusals);
    }

    public List<Refusal> refusals() {
        return refusals;
    }

    private static Map<String, Object> details(List<Refusal> refusals) {
        return Map.of("refused", refusals.stream().map(r -> {
            Map<String, Object> refused = new LinkedHashMap<>();
            refused.put("personId", r.personId());
            refused.put("reason", r.reason().name());
            refused.put("detail", r.explanation());
            return refused;
        }).toList());
    }
}
