package org.parley.web;

/**
 * The page number of a paged list as an address or form gives it ({@code ?page=3}, counted from 1), or another
 * position counted from 1 (a list version, an entry).
 */
public final class PageNumbers {

    private static final int LAST = 1_000_000;

    private PageNumbers() {
    }

    /** The number asked for, at least 1 and at most a million; anything that is not a number is the first page. */
    public static int of(String value) {
        if (value == null) {
            return 1;
        }
        try {
            return Math.max(1, Math.min(LAST, Integer.parseInt(value.strip())));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** How many pages of {@code size} a list of {@code total} fills; an empty list has one (empty) page. */
    public static int count(long total, int size) {
        return (int) Math.max(1, (total + size - 1) / size);
    }
}
