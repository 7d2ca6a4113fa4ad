package org.parley.api;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * A number as RFC 8785 §3.2.2.3 writes it: the IEEE 754 double printed as ECMAScript's Number.prototype.toString
 * does (ECMA-262, Number::toString): the fewest significant digits that read back as the same double (the closest
 * such when several have as few, the even one on a tie), plain notation for decimal exponents from -6 to 21,
 * otherwise {@code d.ddde±x}. Checked against the published checksums of the ES6 number test file (README,
 * "Standard test vectors").
 */
public final class CanonicalNumber {

    private static final int MAX_DIGITS = 17; // 17 significant digits always identify a double
    private static final long FRACTION_BITS = (1L << 52) - 1;

    private CanonicalNumber() {
    }

    /** @throws IllegalArgumentException for NaN and the infinities, which JSON cannot hold */
    public static String format(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("JSON has no number " + value);
        }
        if (value == 0) {
            return "0"; // also -0
        }
        if (value < 0) {
            return "-" + format(-value);
        }
        BigDecimal shortest = shortest(value);
        String s = shortest.unscaledValue().toString(); // the digits, k of them
        int k = s.length();
        int n = k - shortest.scale(); // value = s × 10^(n - k), as ECMA-262 names them
        if (k <= n && n <= 21) {
            return s + "0".repeat(n - k);
        }
        if (0 < n && n <= 21) {
            return s.substring(0, n) + "." + s.substring(n);
        }
        if (-6 < n && n <= 0) {
            return "0." + "0".repeat(-n) + s;
        }
        String exponent = (n - 1 < 0 ? "-" : "+") + Math.abs(n - 1);
        return (k == 1 ? s : s.charAt(0) + "." + s.substring(1)) + "e" + exponent;
    }

    /**
     * The decimal with the fewest digits that reads back as {@code value} (positive), trailing zeros removed. Having
     * one with p digits implies having one with p + 1 (it is at least as close), so the fewest are found by bisection.
     */
    private static BigDecimal shortest(double value) {
        BigDecimal exact = new BigDecimal(value);
        // Below a power of two the doubles lie twice as close as above it, so the nearest decimal may fall outside
        // the values that read back as this double while the other neighbour with as many digits falls inside.
        boolean lopsided = (Double.doubleToRawLongBits(value) & FRACTION_BITS) == 0;
        int low = 1;
        int high = MAX_DIGITS;
        BigDecimal found = candidate(exact, high, lopsided, value);
        while (low < high) {
            int middle = (low + high) / 2;
            BigDecimal shorter = candidate(exact, middle, lopsided, value);
            if (shorter != null) {
                found = shorter;
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return found.stripTrailingZeros();
    }

    /** The closest decimal of this many digits that reads back as {@code value}, or null. */
    private static BigDecimal candidate(BigDecimal exact, int digits, boolean lopsided, double value) {
        BigDecimal nearest = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
        if (readsBackAs(nearest, value)) {
            return nearest;
        }
        if (lopsided) {
            for (RoundingMode mode : new RoundingMode[] {RoundingMode.DOWN, RoundingMode.UP}) {
                BigDecimal other = exact.round(new MathContext(digits, mode));
                if (readsBackAs(other, value)) {
                    return other;
                }
            }
        }
        return null;
    }

    private static boolean readsBackAs(BigDecimal decimal, double value) {
        return Double.parseDouble(decimal.toString()) == value;
    }
}
