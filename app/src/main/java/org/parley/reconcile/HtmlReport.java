package org.parley.reconcile;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.parley.names.PersonRecord;

/**
 * A reconciliation as one self-contained HTML page a negotiator can read: summary figures, the matches, the
 * pairs to review, and the unmatched persons of both lists. Every value is escaped; no scripts, no external
 * assets. Long sections are cut at {@link #MAX_ROWS} rows (the CSV has them all).
 */
public final class HtmlReport {

    static final int MAX_ROWS = 2_000;

    private static final String STYLE = "body{font-family:sans-serif;margin:2em;color:#222}"
            + "table{border-collapse:collapse;margin-bottom:2em}td,th{border:1px solid #bbb;padding:4px 8px;"
            + "text-align:left;vertical-align:top}th{background:#eee}td.x{font-size:90%;color:#444}"
            + ".n{text-align:right}";

    private HtmlReport() {
    }

    public static void write(Reconciliation result, List<MatchFiles.Row> rows, Path leftFile, Path rightFile,
            Path out) throws IOException {
        try (Writer html = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            html.write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Reconciliation of "
                    + escape(leftFile.getFileName().toString()) + " and " + escape(rightFile.getFileName().toString())
                    + "</title><style>" + STYLE + "</style></head><body>\n");
            html.write("<h1>Reconciliation</h1>\n");
            List<MatchFiles.Row> matches = rows.stream().filter(r -> r.decision().equals("match")).toList();
            List<MatchFiles.Row> reviews = rows.stream().filter(r -> r.decision().equals("review")).toList();
            List<PersonRecord> unmatchedLeft = rows.stream().filter(r -> r.decision().equals("none"))
                    .map(MatchFiles.Row::left).toList();
            Set<String> seenRight = new HashSet<>();
            rows.stream().filter(r -> r.right() != null).forEach(r -> seenRight.add(r.right().id()));
            List<PersonRecord> unmatchedRight = result.right().records().stream()
                    .filter(r -> !seenRight.contains(r.id())).toList();
            html.write("<table>\n");
            summary(html, "Left list", leftFile + ": " + result.left().records().size() + " persons read, "
                    + result.left().problems().size() + " bad rows skipped");
            summary(html, "Right list", rightFile + ": " + result.right().records().size() + " persons read, "
                    + result.right().problems().size() + " bad rows skipped");
            summary(html, "Matched (one to one)", String.valueOf(matches.size()));
            summary(html, "Left persons to review", String.valueOf(result.count(org.parley.names.Linkage.Decision.REVIEW)));
            summary(html, "Left persons without a candidate", String.valueOf(unmatchedLeft.size()));
            summary(html, "Right persons neither matched nor a candidate", String.valueOf(unmatchedRight.size()));
            html.write("</table>\n");
            pairs(html, "Matches", matches);
            pairs(html, "To review", reviews);
            persons(html, "Unmatched in the left list", unmatchedLeft);
            persons(html, "Unmatched in the right list", unmatchedRight);
            problems(html, "Bad rows in the left list", result.left().problems());
            problems(html, "Bad rows in the right list", result.right().problems());
            html.write("</body></html>\n");
        }
    }

    private static void summary(Writer html, String label, String value) throws IOException {
        html.write("<tr><th>" + escape(label) + "</th><td>" + escape(value) + "</td></tr>\n");
    }

    private static void pairs(Writer html, String title, List<MatchFiles.Row> rows) throws IOException {
        html.write("<h2>" + escape(title) + " (" + rows.size() + ")</h2>\n");
        if (rows.isEmpty()) {
            return;
        }
        html.write("<table><tr><th>Left</th><th>Right</th><th class=\"n\">Score</th><th>Why</th></tr>\n");
        for (MatchFiles.Row row : rows.subList(0, Math.min(rows.size(), MAX_ROWS))) {
            html.write("<tr><td>" + person(row.left()) + "</td><td>" + person(row.right()) + "</td><td class=\"n\">"
                    + escape(row.score()) + "</td><td class=\"x\">"
                    + String.join("<br>", row.explanation().lines().stream().map(HtmlReport::escape).toList())
                    + "</td></tr>\n");
        }
        html.write("</table>\n");
        more(html, rows.size());
    }

    private static void persons(Writer html, String title, List<PersonRecord> persons) throws IOException {
        html.write("<h2>" + escape(title) + " (" + persons.size() + ")</h2>\n");
        if (persons.isEmpty()) {
            return;
        }
        html.write("<table><tr><th>Person</th></tr>\n");
        for (PersonRecord person : persons.subList(0, Math.min(persons.size(), MAX_ROWS))) {
            html.write("<tr><td>" + person(person) + "</td></tr>\n");
        }
        html.write("</table>\n");
        more(html, persons.size());
    }

    private static void problems(Writer html, String title, List<String> problems) throws IOException {
        if (problems.isEmpty()) {
            return;
        }
        html.write("<h2>" + escape(title) + " (" + problems.size() + ")</h2>\n<ul>\n");
        for (String problem : problems.subList(0, Math.min(problems.size(), MAX_ROWS))) {
            html.write("<li>" + escape(problem) + "</li>\n");
        }
        html.write("</ul>\n");
        more(html, problems.size());
    }

    private static void more(Writer html, int size) throws IOException {
        if (size > MAX_ROWS) {
            html.write("<p>… and " + (size - MAX_ROWS) + " more: see the CSV output.</p>\n");
        }
    }

    private static String person(PersonRecord person) {
        StringBuilder text = new StringBuilder("<b>" + escape(person.displayName()) + "</b> <small>(id "
                + escape(person.id()) + ")</small>");
        if (person.dateOfBirth() != null) {
            text.append("<br>born ").append(escape(person.dateOfBirth().toString()));
        }
        if (person.serviceNumber() != null) {
            text.append("<br>service number ").append(escape(person.serviceNumber()));
        }
        if (person.unit() != null) {
            text.append("<br>unit ").append(escape(person.unit()));
        }
        if (person.rank() != null) {
            text.append("<br>rank ").append(escape(person.rank()));
        }
        return text.toString();
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
