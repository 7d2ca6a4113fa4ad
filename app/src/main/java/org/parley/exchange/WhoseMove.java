package org.parley.exchange;

import java.time.Duration;
import java.time.Instant;

/**
 * Whose move it is in a round: the party that has not answered the other's latest version (before any version,
 * the party that opened the round owes its first list), since when, and whether it has waited too long.
 */
public record WhoseMove(String waitingOn, Instant waitingSince, boolean stalled) {

    static WhoseMove of(Round round, ListVersion latest, Instant now, Duration stalledAfter) {
        String waitingOn = latest == null ? round.firstParty() : round.other(latest.party());
        Instant since = latest == null ? round.createdAt() : latest.createdAt();
        boolean open = round.state() == RoundState.NEGOTIATING;
        return new WhoseMove(open ? waitingOn : null, open ? since : null,
                open && Duration.between(since, now).compareTo(stalledAfter) > 0);
    }

    /** Whole days waited, for pages. */
    public long days(Instant now) {
        return waitingSince == null ? 0 : Duration.between(waitingSince, now).toDays();
    }
}
