package org.parley.interchange;

/**
 * Something wrong (or worth a look) in one row of an imported file: the line as a person sees it in an editor or
 * in Excel, the column (a person's field in snake_case, or the header as written when it maps to none), the value
 * as written and why.
 */
public record ImportProblem(long line, String field, String value, String reason) {

    /** {@code line 17, date_of_birth: "31.02.1990" is not a date}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("line ").append(line);
        if (field != null) {
            text.append(", ").append(field).append(':');
        }
        if (value != null) {
            text.append(" \"").append(value).append('"');
        }
        return text.append(' ').append(reason).toString();
    }
}
