package org.parley.registry;

import java.time.LocalDate;
import java.util.Map;

/**
 * Which persons a list asks for; every member is optional. {@code q} is a name or number in any script;
 * {@code columns} the values asked for of columns other features contribute ({@link PersonListColumn}), by name.
 */
public record PersonFilter(String q, String holdingParty, String powerOfOrigin, Status status, Category category,
        Branch branch, RankGroup rankGroup, LocalDate capturedFrom, LocalDate capturedTo, Map<String, String> columns) {

    public PersonFilter {
        columns = Map.copyOf(columns);
    }

    /** A filter on the registry's own facts only. */
    public PersonFilter(String q, String holdingParty, String powerOfOrigin, Status status, Category category,
            Branch branch, RankGroup rankGroup, LocalDate capturedFrom, LocalDate capturedTo) {
        this(q, holdingParty, powerOfOrigin, status, category, branch, rankGroup, capturedFrom, capturedTo, Map.of());
    }

    public static PersonFilter none() {
        return new PersonFilter(null, null, null, null, null, null, null, null, null);
    }
}
