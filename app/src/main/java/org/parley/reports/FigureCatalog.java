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

    /** One figure: its id, title and definition, and the persons' scope for those of the registry. */
    record Entry(String id, String title, String definition, PersonFigures.Scope scope) {
    }

    private static final String FILTER = " Filters (holdingParty, powerOfOrigin, status, category, branch, rankGroup, "
            + "capturedFrom, capturedTo, wishStatus) select persons as GET /api/v1/persons does, and only persons the "
            + "reader may see are counted (the person list's visibility condition).";

    private static final Map<String, Entry> ENTRIES = Map.of(
            HELD, new Entry(HELD, "Persons held",
                    "Persons the reader's organisation holds in custody (status CAPTURED, INTERNED or HOSPITALISED). "
                            + "SQL: person p where " + PersonFigures.Scope.HELD.sql() + "." + FILTER,
                    PersonFigures.Scope.HELD),
            NATIONALS_HELD, new Entry(NATIONALS_HELD, "Nationals held by the other side",
                    "Persons whose power of origin is the reader's organisation, in another party's custody (status "
                            + "CAPTURED, INTERNED or HOSPITALISED), as far as the reader may see them (once notified). "
                            + "SQL: person p where " + PersonFigures.Scope.NATIONALS_HELD.sql() + "." + FILTER,
                    PersonFigures.Scope.NATIONALS_HELD),
            IN_CUSTODY, new Entry(IN_CUSTODY, "Persons in custody",
                    "Persons in any party's custody (status CAPTURED, INTERNED or HOSPITALISED) the reader may see: "
                            + "for the intermediary, those notified to it. SQL: person p where "
                            + PersonFigures.Scope.ALL.sql() + "." + FILTER, PersonFigures.Scope.ALL),
            WISHES, new Entry(WISHES, "Persons in custody with a stated repatriation wish",
                    "Persons in custody the reader may see whose derived wish status is VERIFIED_RETURN, "
                            + "VERIFIED_NOT_RETURNING (verified by the intermediary in a private interview) or "
                            + "UNVERIFIED_CLAIM (only claims, an interview is required); by status, and by status "
                            + "within rank group and branch. SQL: person p join wish_status w on " + WishFigures.SQL
                            + "." + FILTER, PersonFigures.Scope.ALL),
            EXCHANGED, new Entry(EXCHANGED, "Persons transferred in exchanges",
                    "Persons transferred at the handover of an agreed exchange round the reader's organisation takes "
                            + "part in (as a party or its intermediary): the latest handover entry of the person in "
                            + "the round is TRANSFERRED; by round, the persons the agreed exchange list releases "
                            + "(agreed) and those transferred. SQL: exchange_round r where "
                            + ExchangeFigures.ROUNDS_SQL + " and " + ExchangeFigures.TRANSFERRED_SQL + "." + FILTER,
                    PersonFigures.Scope.ALL));

    private FigureCatalog() {
    }

    /** The figures of the caller's view: a party's own and its nationals', or the intermediary's, in this order. */
    static List<Entry> of(Caller caller) {
        List<String> ids = caller.intermediary() ? List.of(IN_CUSTODY, WISHES, EXCHANGED)
                : List.of(HELD, NATIONALS_HELD, WISHES, EXCHANGED);
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
