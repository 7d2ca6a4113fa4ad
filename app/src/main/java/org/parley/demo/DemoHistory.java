package org.parley.demo;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.parley.registry.EventInput;
import org.parley.registry.EventType;
import org.parley.registry.Lifecycle;

/**
 * A demo person's lifecycle from capture to today: hospital for some wounded, internment, notification of the
 * power of origin (usually within weeks, sometimes late, sometimes not yet), transfers, visits by the
 * intermediary, and for some an end: exchange (likelier the longer the captivity), repatriation of the seriously
 * wounded (GC III Art. 110), release, death, escape. Every history is checked against the {@link Lifecycle}
 * rules, so the demo never holds what the API would refuse.
 */
final class DemoHistory {

    /** The events, and where the person is held at the end of them (null if never interned). */
    record Result(List<EventInput> events, String internmentPlace) {
    }

    private static final int FOUR_YEARS = 4 * 365;

    private final Random random;
    private final LocalDate today;
    private final DemoWords words;
    private final List<EventInput> events = new ArrayList<>();
    private Lifecycle.State state = Lifecycle.State.START;
    private LocalDate cursor;
    private String camp;

    DemoHistory(Random random, LocalDate today, DemoWords words) {
        this.random = random;
        this.today = today;
        this.words = words;
    }

    /**
     * @param holderLanguage the detaining power's language, in which places are written
     * @param campChoices the camps this person may be held in
     */
    Result build(LocalDate captured, String capturePlace, boolean wounded, boolean seriouslyWounded,
            String holderLanguage, List<String> campChoices) {
        cursor = captured;
        add(EventType.CAPTURED, captured, capturePlace, null);
        if (wounded && random.nextInt(100) < 60 && !add(EventType.HOSPITALISED, days(0, 2),
                words.hospital(holderLanguage, random), null)) {
            return result();
        }
        String firstCamp = DemoWords.pick(campChoices, random);
        if (!add(EventType.INTERNED, days(wounded ? 5 : 1, wounded ? 40 : 14), firstCamp, null)) {
            return result();
        }
        camp = firstCamp;
        int roll = random.nextInt(100);
        if (roll < 88 && !add(EventType.NOTIFIED, roll < 75 ? days(2, 30) : days(30, 200), null, null)) {
            return result();
        }
        if (random.nextInt(100) < 45 && !add(EventType.VISITED, days(10, 120), camp, null)) {
            return result();
        }
        if (campChoices.size() > 1 && random.nextInt(100) < 30) {
            String next = DemoWords.pick(campChoices.stream().filter(c -> !c.equals(camp)).toList(), random);
            if (!add(EventType.TRANSFERRED, days(20, 300), next, null)) {
                return result();
            }
            camp = next;
        }
        end(captured, seriouslyWounded);
        return result();
    }

    /** Ends some captivities; the longer someone has been held, the likelier an exchange. */
    private void end(LocalDate captured, boolean seriouslyWounded) {
        long held = ChronoUnit.DAYS.between(captured, today);
        int roll = random.nextInt(1000);
        if (seriouslyWounded && roll < 400) {
            add(EventType.REPATRIATED, days(30, 200), null, null);
        } else if (roll < 700 * held / FOUR_YEARS) {
            add(EventType.EXCHANGED, days(30, 500), null, null);
        } else if (roll >= 990) {
            add(EventType.DIED, days(10, 400), camp, null);
        } else if (roll >= 980) {
            add(EventType.RELEASED, days(30, 400), null, null);
        } else if (roll >= 977) {
            add(EventType.ESCAPED, days(30, 400), camp, null);
        } else if (roll >= 974) {
            add(EventType.REMAINED, days(60, 500), null, null);
        }
    }

    /** A date some days after the last event. */
    private LocalDate days(int min, int max) {
        return cursor.plusDays(min + random.nextInt(max - min + 1));
    }

    /** Adds the event unless it would lie in the future; false when the history has reached today. */
    private boolean add(EventType type, LocalDate on, String place, String note) {
        if (on.isAfter(today)) {
            return false;
        }
        state = Lifecycle.apply(state, type, on);
        events.add(new EventInput(type, on, place, note, null));
        cursor = on;
        return true;
    }

    private Result result() {
        return new Result(List.copyOf(events), camp);
    }
}
