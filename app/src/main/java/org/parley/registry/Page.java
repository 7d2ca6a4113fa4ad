package org.parley.registry;

import java.util.List;

/**
 * One page of a list in a stable order, with the total count of the whole list — or, when {@code totalCapped}, a
 * lower bound of it: a name search of common words reads at most some thousands of matches (README, "Name search at
 * a million persons").
 */
public record Page<T>(List<T> items, long total, int page, int size, boolean totalCapped) {

    /** A page whose total is exact. */
    public Page(List<T> items, long total, int page, int size) {
        this(items, total, page, size, false);
    }
}
