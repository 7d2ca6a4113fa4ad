package org.parley.exchange;

import java.time.Instant;
import java.util.List;

/**
 * One negotiation round between two parties, usually with an intermediary.
 *
 * @param firstParty the party that opened the round (code)
 * @param secondParty the counterparty (code)
 * @param intermediary code, or null
 * @param version how many times the round changed: 1 when opened, +1 at each change of state
 * @param agreedVersion the exchange-list version both parties approved last (the agreement), or null
 */
public record Round(long id, int version, String title, String firstParty, String secondParty, String intermediary,
        RoundState state, String createdBy, Instant createdAt, String abandonedBy, Instant abandonedAt,
        String abandonReason, Integer agreedVersion, Instant agreedAt, Instant executedAt) {

    public List<String> parties() {
        return List.of(firstParty, secondParty);
    }

    public boolean isParty(String organisation) {
        return firstParty.equals(organisation) || secondParty.equals(organisation);
    }

    /** Whether an organisation takes part: one of the parties or the intermediary. */
    public boolean takesPart(String organisation) {
        return organisation != null && (isParty(organisation) || organisation.equals(intermediary));
    }

    /** The other party of {@code party}. */
    public String other(String party) {
        return firstParty.equals(party) ? secondParty : firstParty;
    }
}
