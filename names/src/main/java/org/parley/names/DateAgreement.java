package org.parley.names;

/** How two dates of birth agree, from the strongest agreement to a plain disagreement. */
public enum DateAgreement {
    /** Both full and equal. */
    SAME,
    /** Equal as far as the less precise one goes (1994-03 and 1994-03-07). */
    COMPATIBLE,
    /** 1994-03-07 and 1994-07-03. */
    DAY_MONTH_SWAPPED,
    /** One digit differs (1994-03-07 and 1994-03-01, 1984-03-07). */
    ONE_DIGIT,
    /** Same day and month, year one off. */
    YEAR_OFF_BY_ONE,
    DIFFERENT,
    MISSING;

    /** Compares two dates of birth; null means not given. */
    public static DateAgreement of(BirthDate a, BirthDate b) {
        if (a == null || b == null) {
            return MISSING;
        }
        if (a.year() == b.year() && a.month() == b.month() && a.day() == b.day()) { // a.equals(b), faster
            return a.hasDay() ? SAME : COMPATIBLE;
        }
        boolean sameYear = a.year() == b.year();
        if (!a.hasMonth() || !b.hasMonth()) {
            return sameYear ? COMPATIBLE : oneDigitYear(a.year(), b.year()) ? ONE_DIGIT : DIFFERENT;
        }
        if (!a.hasDay() || !b.hasDay()) {
            if (sameYear && a.month() == b.month()) {
                return COMPATIBLE;
            }
            return digitsDiffer(a, b) == 1 ? ONE_DIGIT : DIFFERENT;
        }
        if (sameYear && a.day() == b.month() && a.month() == b.day()) {
            return DAY_MONTH_SWAPPED;
        }
        if (digitsDiffer(a, b) == 1) {
            return ONE_DIGIT;
        }
        if (a.month() == b.month() && a.day() == b.day() && Math.abs(a.year() - b.year()) == 1) {
            return YEAR_OFF_BY_ONE;
        }
        return DIFFERENT;
    }

    /** Whether two years (four digits: {@link BirthDate} holds 1000 to 9999) differ in one digit. */
    private static boolean oneDigitYear(int a, int b) {
        return digitsDiffer(a, b, 4) == 1;
    }

    /**
     * Digits that differ position by position in YYYYMMDD (the parts both dates have), counted on the numbers
     * (years have four digits, months and days two): the scorer asks this of most candidate pairs.
     */
    private static int digitsDiffer(BirthDate a, BirthDate b) {
        int differ = digitsDiffer(a.year(), b.year(), 4) + digitsDiffer(a.month(), b.month(), 2);
        return a.hasDay() && b.hasDay() ? differ + digitsDiffer(a.day(), b.day(), 2) : differ;
    }

    private static int digitsDiffer(int x, int y, int width) {
        int differ = 0;
        for (int i = 0; i < width; i++) {
            if (x % 10 != y % 10) {
                differ++;
            }
            x /= 10;
            y /= 10;
        }
        return differ;
    }
}
