package org.parley.names;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A date of birth as lists give it, possibly partial: year, year and month, or a full date. Month and day are
 * 0 when unknown.
 */
public record BirthDate(int year, int month, int day) {

    private static final Pattern ISO = Pattern.compile("(\\d{4})(?:-(\\d{1,2})(?:-(\\d{1,2}))?)?");
    private static final Pattern DOTTED = Pattern.compile("(\\d{1,2})[./](\\d{1,2})[./](\\d{4})");

    public BirthDate {
        if (year < 1000 || year > 9999 || month < 0 || month > 12 || day < 0 || day > 31 || (month == 0 && day != 0)) {
            throw new IllegalArgumentException("not a date: " + year + "-" + month + "-" + day);
        }
        if (day != 0) {
            try {
                LocalDate.of(year, month, day);
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("no such day: " + year + "-" + month + "-" + day, e);
            }
        }
    }

    /**
     * Parses YYYY-MM-DD, YYYY-MM, YYYY or DD.MM.YYYY (also DD/MM/YYYY).
     *
     * @throws IllegalArgumentException with a reason a person understands, for anything else
     */
    public static BirthDate parse(String text) {
        String value = text.strip();
        if (isFullIsoDate(value)) { // the usual form, without a regular expression: a million rows are read at once
            return new BirthDate(digits(value, 0, 4), digits(value, 5, 7), digits(value, 8, 10));
        }
        Matcher iso = ISO.matcher(value);
        if (iso.matches()) {
            return new BirthDate(Integer.parseInt(iso.group(1)), number(iso.group(2)), number(iso.group(3)));
        }
        Matcher dotted = DOTTED.matcher(value);
        if (dotted.matches()) {
            return new BirthDate(Integer.parseInt(dotted.group(3)), Integer.parseInt(dotted.group(2)),
                    Integer.parseInt(dotted.group(1)));
        }
        throw new IllegalArgumentException("date of birth '" + text
                + "' is not YYYY-MM-DD, YYYY-MM, YYYY or DD.MM.YYYY");
    }

    private static boolean isFullIsoDate(String value) {
        if (value.length() != 10 || value.charAt(4) != '-' || value.charAt(7) != '-') {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            if (i != 4 && i != 7 && (value.charAt(i) < '0' || value.charAt(i) > '9')) {
                return false;
            }
        }
        return true;
    }

    private static int digits(String value, int from, int to) {
        int number = 0;
        for (int i = from; i < to; i++) {
            number = number * 10 + value.charAt(i) - '0';
        }
        return number;
    }

    private static int number(String group) {
        return group == null ? 0 : Integer.parseInt(group);
    }

    public boolean hasMonth() {
        return month != 0;
    }

    public boolean hasDay() {
        return day != 0;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(10).append(year);
        if (hasMonth()) {
            text.append(month < 10 ? "-0" : "-").append(month);
        }
        if (hasDay()) {
            text.append(day < 10 ? "-0" : "-").append(day);
        }
        return text.toString();
    }
}
