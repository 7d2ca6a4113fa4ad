package org.parley.reports;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.parley.api.Caller;
import org.parley.exchange.ExchangeFigures;
import org.parley.registry.PersonFigures;
import org.parley.wishes.WishFigures;

/**
 * The figures Parley computes: their ids, English titles (the pages translate them) and definitions, in words and
 * in the SQL's terms. A definition is part of a frozen report and what its verifier compares against, so it
 * changes only with the report's format version.
 */
final class FigureCatalog {

    static final String HELD = "held";
    static final String NATIONALS_HELD = "nationals-held";
    static final String IN_CUSTODY = "in-custody";
    static final String WISHES = "wishes";
    static final String EXCHANGED = "exchanged";
    static final String LEFT_OFF = "left-off";

    /** One figure: its id, title and definition, and the persons' scope for those of the registry. */
    record Entry(String id, String title, String definition, PersonFigures.Scope scope) {
    }

    private static final String FILTER = " Filters (holdingParty, powerOfOrigin, status, category, branch, rankGroup, "
            + "capturedFrom, capturedTo, wishStatus) select persons as GET /api/v1/persons does, and only persons the "
            + "reader may see are counted (the person list's visibility condition).";

    private static final Map<String, Entry> ENTRIES = Map.ofEntries(
            Map.entry(HELD, new Entry(HELD, "Persons held",
                    "Persons the reader's organisation holds in custody (status CAPTURED, INTERNED or HOSPITALISED). "
                            + "SQL: person p where " + PersonFigures.Scope.HELD.sql() + "." + FILTER,
                    PersonFigures.Scope.HELD)),
            Map.entry(NATIONALS_HELD, new Entry(NATIONALS_HELD, "Nationals held by the other side",
                    "Persons whose power of origin is the reader's organisation, in another party's custody (status "
                            + "CAPTURED, INTERNED or HOSPITALISED), as far as the reader may see them (once notified). "
                            + "SQL: person p where " + PersonFigures.Scope.NATIONALS_HELD.sql() + "." + FILTER,
                    PersonFigures.Scope.NATIONALS_HELD)),
            Map.entry(IN_CUSTODY, new Entry(IN_CUSTODY, "Persons in custody",
                    "Persons in any party's custody (status CAPTURED, INTERNED or HOSPITALISED) the reader may see: "
                            + "for the intermediary, those notified to it. SQL: person p where "
                            + PersonFigures.Scope.ALL.sql() + "." + FILTER, PersonFigures.Scope.ALL)),
            Map.entry(WISHES, new Entry(WISHES, "Persons in custody with a stated repatriation wish",
                    "Persons in custody the reader may see whose derived wish status is VERIFIED_RETURN, "
                            + "VERIFIED_NOT_RETURNING (verified by the intermediary in a private interview) or "
                            + "UNVERIFIED_CLAIM (only claims, an interview is required); by status, and by status "
                            + "within rank group and branch. SQL: person p join wish_status w on " + WishFigures.SQL
                            + "." + FILTER, PersonFigures.Scope.ALL)),
            Map.entry(EXCHANGED, new Entry(EXCHANGED, "Persons transferred in exchanges",
                    "Persons transferred at the handover of an agreed exchange round the reader's organisation takes "
                            + "part in (as a party or its intermediary): the latest handover entry of the person in "
                            + "the round is TRANSFERRED; by round, the persons the agreed exchange list releases "
                            + "(agreed) and those transferred. SQL: exchange_round r where "
                            + ExchangeFigures.ROUNDS_SQL + " and " + ExchangeFigures.TRANSFERRED_SQL + "." + FILTER,
                    PersonFigures.Scope.ALL)),
            Map.entry(LEFT_OFF, new Entry(LEFT_OFF,
                    "Persons left off the lists of open rounds",
                    "Persons in custody left off the latest request or offer of an open exchange round (not yet "
                            + "agreed, executed or abandoned) the reader's organisation takes part in (as a party or "
                            + "its intermediary), by the rule of the left-off pages (README, Exchange rounds, Left off "
                            + "the list): a party's request leaves off the persons of its origin the other party holds "
                            + "whom its latest version does not name (an entry names a person when its match was FOUND "
                            + "and not rejected, or when the holder confirmed that person); its offer leaves off the "
                            + "persons of the other party's origin it holds and does not offer. Only lists with a "
                            + "version count. Each person once, however many lists leave them off; by round and list "
                            + "(persons by removal reason: the reason given when an earlier version's entry was "
                            + "dropped, NO_LONGER_MATCHED when the entry stayed but no longer names the person, "
                            + "NEVER_LISTED when no version named them) and distinct persons by removal reason. "
                            + "SQL: exchange_round r where " + ExchangeFigures.OPEN_ROUNDS_SQL + ", each list's "
                            + "versions (exchange_list_version) of the round, party and kind; person p where "
                            + "p.holding_party_id and p.power_of_origin_id are the list's holder and origin and "
                            + "p.status in ('CAPTURED', 'INTERNED', 'HOSPITALISED') and p.id is not named by the "
                            + "latest version." + FILTER, PersonFigures.Scope.ALL)));

    private FigureCatalog() {
    }

    /** The figures of the caller's view: a party's own and its nationals', or the intermediary's, in this order. */
    static List<Entry> of(Caller caller) {
        List<String> ids = caller.intermediary() ? List.of(IN_CUSTODY, WISHES, EXCHANGED, LEFT_OFF)
                : List.of(HELD, NATIONALS_HELD, WISHES, EXCHANGED, LEFT_OFF);
        return ids.stream().map(ENTRIES::get).toList();
    }

    static Optional<Entry> find(Caller caller, String id) {
        return of(caller).stream().filter(e -> e.id().equals(id)).findFirst();
    }

    /** Any figure by id, whoever reads it: for checking a report's definitions. */
    static Optional<Entry> any(String id) {
        return Optional.ofNullable(ENTRIES.get(id));
    }

    /** Whether the figure counts persons in custody (whose stated status must be one of custody). */
    static boolean custody(String id) {
        return !EXCHANGED.equals(id);
    }
}
