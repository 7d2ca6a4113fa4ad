package org.parley.registry;

import java.time.LocalDate;

/** Which persons a list asks for; every member is optional. {@code q} is a name or number in any script. */
public record PersonFilter(String q, String holdingParty, String powerOfOrigin, Status status, Category category,
        Branch branch, RankGroup rankGroup, LocalDate capturedFrom, LocalDate capturedTo) {

    public static PersonFilter none() {
        return new PersonFilter(null, null, null, null, null, null, null, null, null);
    }
}
