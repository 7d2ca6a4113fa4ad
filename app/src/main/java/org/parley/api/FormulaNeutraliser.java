package org.parley.api;

/**
 * Makes a cell of a file meant for spreadsheets (CSV, later XLSX) safe to open: a spreadsheet runs a cell
 * beginning with {@code =}, {@code +}, {@code -}, {@code @}, tab or carriage return as a formula, so
 * {@code =HYPERLINK(…)} in a name would become a live link. The rule and the remedy are OWASP's "CSV Injection"
 * guidance (https://owasp.org/www-community/attacks/CSV_Injection): such a cell gets a single quote in front,
 * which spreadsheets read as "this is text"; the rest of the value is kept exactly as written. Every CSV writer
 * applies it to every cell; an XLSX writer must instead write such values as text (string) cells, never as
 * formulas.
 */
public final class FormulaNeutraliser {

    private FormulaNeutraliser() {
    }

    /** The value, with a single quote in front if it begins like a formula; null stays null. */
    public static String neutralise(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        return switch (value.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + value;
            default -> value;
        };
    }
}
