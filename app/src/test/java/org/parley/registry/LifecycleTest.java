package org.parley.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LifecycleTest {

    private static final LocalDate DAY = LocalDate.of(2024, 5, 1);

    /** The rules, written out by hand: which events each status allows (NOTIFIED only while not yet notified). */
    private static final Map<Status, Set<EventType>> ALLOWED = new HashMap<>();

    static {
        Set<EventType> custodyOutcomes = EnumSet.of(EventType.NOTIFIED, EventType.VISITED, EventType.EXCHANGED,
                EventType.REPATRIATED, EventType.RELEASED, EventType.ESCAPED, EventType.DIED, EventType.REMAINED);
        Set<EventType> captured = EnumSet.copyOf(custodyOutcomes);
        captured.addAll(List.of(EventType.INTERNED, EventType.HOSPITALISED));
        Set<EventType> interned = EnumSet.copyOf(custodyOutcomes);
        interned.addAll(List.of(EventType.TRANSFERRED, EventType.HOSPITALISED));
        Set<EventType> hospitalised = EnumSet.copyOf(custodyOutcomes);
        hospitalised.addAll(List.of(EventType.TRANSFERRED, EventType.INTERNED));
        ALLOWED.put(null, EnumSet.of(EventType.CAPTURED));
        ALLOWED.put(Status.CAPTURED, captured);
        ALLOWED.put(Status.INTERNED, interned);
        ALLOWED.put(Status.HOSPITALISED, hospitalised);
        ALLOWED.put(Status.ESCAPED, EnumSet.of(EventType.CAPTURED, EventType.NOTIFIED));
        ALLOWED.put(Status.DIED, EnumSet.of(EventType.NOTIFIED));
        for (Status status : List.of(Status.EXCHANGED, Status.REPATRIATED, Status.RELEASED, Status.REMAINED)) {
            ALLOWED.put(status, EnumSet.noneOf(EventType.class));
        }
    }

    /** Reaches a status, unnotified, through a valid history. */
    private static Lifecycle.State reach(Status status) {
        List<EventType> path = switch (status) {
            case CAPTURED -> List.of(EventType.CAPTURED);
            case INTERNED -> List.of(EventType.CAPTURED, EventType.INTERNED);
            case HOSPITALISED -> List.of(EventType.CAPTURED, EventType.HOSPITALISED);
            default -> List.of(EventType.CAPTURED, EventType.INTERNED, EventType.valueOf(status.name()));
        };
        Lifecycle.State state = Lifecycle.State.START;
        for (EventType type : path) {
            state = Lifecycle.apply(state, type, DAY);
        }
        assertThat(state.status()).isEqualTo(status);
        return state;
    }

    @Test
    void everyTransitionIsAllowedOrRefusedAsTheRulesSay() {
        List<Status> from = new ArrayList<>();
        from.add(null);
        from.addAll(List.of(Status.values()));
        int checked = 0;
        for (Status status : from) {
            Lifecycle.State state = status == null ? Lifecycle.State.START : reach(status);
            for (EventType type : EventType.values()) {
                if (type == EventType.CORRECTION) {
                    assertThat(Lifecycle.apply(state, type, DAY)).isEqualTo(state);
                    continue;
                }
                if (ALLOWED.get(status).contains(type)) {
                    Lifecycle.State next = Lifecycle.apply(state, type, DAY);
                    assertThat(next.lastDate()).isEqualTo(DAY);
                } else {
                    assertThatThrownBy(() -> Lifecycle.apply(state, type, DAY))
                            .as("%s after %s", type, status)
                            .isInstanceOfSatisfying(InvalidTransitionException.class, e -> {
                                assertThat(e.from()).isEqualTo(status);
                                assertThat(e.event()).isEqualTo(type);
                                assertThat(e.getMessage()).isNotBlank();
                            });
                }
                checked++;
            }
        }
        assertThat(checked).isEqualTo((Status.values().length + 1) * (EventType.values().length - 1));
    }

    @Test
    void theAllowedEventsOfEachStatusAreThoseTheRulesSayAndACorrection() {
        List<Status> from = new ArrayList<>();
        from.add(null);
        from.addAll(List.of(Status.values()));
        for (Status status : from) {
            Lifecycle.State state = status == null ? Lifecycle.State.START : reach(status);
            Set<EventType> expected = EnumSet.of(EventType.CORRECTION);
            expected.addAll(ALLOWED.get(status));
            assertThat(Lifecycle.allowedEvents(state)).as("after %s", status).isEqualTo(expected);
        }
        Lifecycle.State notified = Lifecycle.apply(reach(Status.INTERNED), EventType.NOTIFIED, DAY);
        assertThat(Lifecycle.allowedEvents(notified)).as("notified once").doesNotContain(EventType.NOTIFIED)
                .contains(EventType.TRANSFERRED, EventType.HOSPITALISED, EventType.RELEASED);
        Lifecycle.State diedNotified = Lifecycle.apply(reach(Status.DIED), EventType.NOTIFIED, DAY);
        assertThat(Lifecycle.allowedEvents(diedNotified)).containsExactly(EventType.CORRECTION);
    }

    @Test
    void eventsLeadToTheExpectedStatus() {
        assertThat(Lifecycle.apply(reach(Status.INTERNED), EventType.TRANSFERRED, DAY).status())
                .isEqualTo(Status.INTERNED);
        assertThat(Lifecycle.apply(reach(Status.HOSPITALISED), EventType.TRANSFERRED, DAY).status())
                .isEqualTo(Status.INTERNED);
        assertThat(Lifecycle.apply(reach(Status.INTERNED), EventType.VISITED, DAY).status())
                .isEqualTo(Status.INTERNED);
        assertThat(Lifecycle.apply(reach(Status.ESCAPED), EventType.CAPTURED, DAY).status())
                .isEqualTo(Status.CAPTURED);
        Lifecycle.State notified = Lifecycle.apply(reach(Status.INTERNED), EventType.NOTIFIED, DAY);
        assertThat(notified.status()).isEqualTo(Status.INTERNED);
        assertThat(notified.notifiedOn()).isEqualTo(DAY);
    }

    @Test
    void notifiesOnlyOnce() {
        Lifecycle.State notified = Lifecycle.apply(reach(Status.INTERNED), EventType.NOTIFIED, DAY);
        assertThatThrownBy(() -> Lifecycle.apply(notified, EventType.NOTIFIED, DAY.plusDays(1)))
                .hasMessageContaining("already notified on 2024-05-01");
    }

    @Test
    void refusesAnEventDatedBeforeThePreviousOne() {
        assertThatThrownBy(() -> Lifecycle.apply(reach(Status.INTERNED), EventType.TRANSFERRED, DAY.minusDays(1)))
                .isInstanceOf(InvalidTransitionException.class)
                .hasMessage("TRANSFERRED on 2024-04-30 cannot come before the previous event of 2024-05-01");
    }

    @Test
    void explainsRefusals() {
        assertThatThrownBy(() -> Lifecycle.apply(reach(Status.DIED), EventType.EXCHANGED, DAY))
                .hasMessage("no event but a CORRECTION may follow DIED");
        assertThatThrownBy(() -> Lifecycle.apply(reach(Status.INTERNED), EventType.INTERNED, DAY))
                .hasMessageContaining("use TRANSFERRED");
        assertThatThrownBy(() -> Lifecycle.apply(Lifecycle.State.START, EventType.INTERNED, DAY))
                .hasMessage("a history starts with CAPTURED, not INTERNED");
    }

    @Test
    void replaySkipsSupersededEventsAndCorrections() {
        List<LifecycleEvent> history = List.of(
                event(1, EventType.CAPTURED, false), event(2, EventType.INTERNED, false),
                event(3, EventType.DIED, true), event(4, EventType.CORRECTION, false));
        assertThat(Lifecycle.replay(history).status()).isEqualTo(Status.INTERNED);
    }

    private static LifecycleEvent event(int seq, EventType type, boolean superseded) {
        return new LifecycleEvent(seq, seq, type, DAY, null, null, null, null, java.time.Instant.now(), superseded);
    }
}
