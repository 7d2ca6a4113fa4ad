package org.parley.exchange;

import org.parley.api.Caller;
import org.parley.api.ForbiddenException;
import org.parley.api.NotFoundException;
import org.parley.api.Role;

/**
 * Who may see and do what in a round (README, "Exchange rounds"): its two parties and its intermediary see the
 * round and every version of its lists (through any role that reads records); a party's negotiators open and
 * abandon rounds and submit their own party's lists; the holder's negotiators decide on the matches of the lists
 * asking it. Anyone else is told the round is not found.
 */
final class RoundAccess {

    static final String RECORD = "exchange";

    private RoundAccess() {
    }

    static boolean canSee(Caller caller, Round round) {
        return caller.readsRecords() && round.takesPart(caller.organisation());
    }

    /** 403 for a role that never reads records (an administrator), as for persons. */
    static void requireReader(Caller caller) {
        if (!caller.readsRecords()) {
            throw new ForbiddenException("your roles do not include reading exchange rounds", RECORD, null);
        }
    }

    static NotFoundException notFound(String publicId) {
        return NotFoundException.of(RECORD, publicId);
    }

    /** 403 unless the caller is a negotiator of {@code party}. */
    static void requireNegotiatorOf(Caller caller, String party, String publicId, String what) {
        if (!party.equals(caller.organisation()) || !caller.has(Role.NEGOTIATOR)) {
            throw new ForbiddenException("only negotiators of " + party + " " + what, RECORD, publicId);
        }
    }
}
