package org.parley.exchange;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a list of persons that a negotiator sends as a file (CSV or XLSX) or pastes from a spreadsheet into a
 * {@link ListFile}: the good rows as {@link EntryInput}s, and every error with its line and column. Pure: no
 * Spring, no database, nothing stored.
 *
 * <p><b>Formats.</b> The kind of file is told by its bytes, never by its name: a ZIP is an Excel workbook (.xlsx;
 * its first sheet is read, formulas by their saved result, never evaluated); an OLE2 file is refused with the
 * reason (a password-protected workbook, an old .xls); anything else is CSV: UTF-8 with or without a byte order
 * mark, RFC 4180 quoting, separated by commas, or by semicolons when the header line has semicolons and no comma
 * (as Excel writes CSV where the decimal separator is a comma: Ukrainian, Russian), or by tabs when it has
 * neither. Pasted text is read as a spreadsheet copies it: cells separated by tabs, rows by CRLF or LF, a cell
 * with a tab, a line break or a quote in double quotes with its quotes doubled; a quote that does not open such a
 * cell is text.
 *
 * <p><b>Columns.</b> The first row that is not blank names them, in any order and case (surrounding spaces,
 * underscores or hyphens do not matter): {@code ref} (the party's own reference; {@code id} stands for it when
 * there is no {@code ref} column), {@code person_id}, {@code surname}, {@code given_name}, {@code patronymic},
 * {@code full_name}, {@code date_of_birth}, {@code service_number}, {@code unit}, {@code rank}, {@code note}, or
 * their usual English, Ukrainian or Russian names ({@link ListColumn}: "Прізвище", "Фамилия", "Ім'я",
 * "Дата народження", "DOB", "Військова частина"…). Other columns are listed in
 * {@link ListFile#unknownColumns()} and ignored. A header with neither a name column nor {@code person_id} makes
 * the file unreadable.
 *
 * <p><b>Rows.</b> A row with nothing in the known columns is skipped. Every value passes {@code api.TextCheck}
 * as one line of text (names as names) and is held to its length: names 200 characters, {@code ref} and
 * {@code person_id} 100, {@code service_number}, {@code unit} and {@code rank} 500, {@code note} 1000. A row needs
 * a {@code person_id} or a name with a letter; a {@code ref} or {@code person_id} already on an earlier line is an
 * error naming that line. Dates of birth: YYYY, YYYY-MM, YYYY-MM-DD, DD.MM.YYYY, MM.YYYY (a day or month may have
 * one digit), or in a workbook a date cell or a year typed as a number; a date that does not exist is an error.
 * Values are kept as typed, also those beginning with {@code =}, {@code +}, {@code -} or {@code @}: neutralising
 * formulas is for what Parley writes ({@code api.FormulaNeutraliser}), not for what it reads.
 *
 * <p><b>Limits.</b> At most {@link #MAX_ENTRIES} entries: one more and the file is refused with that one error.
 * A cell of a workbook keeps at most {@link #MAX_CELL_LENGTH} characters (Excel's own limit), one part of it may
 * unpack to at most {@link XlsxListReader#MAX_PART_BYTES}. The size of the content itself is the caller's limit.
 */
public final class ListFileReader {

    /** The most entries (non-blank rows) one list may hold. */
    public static final int MAX_ENTRIES = 50_000;
    /** The longest cell read from a workbook, in characters: Excel's limit. */
    public static final int MAX_CELL_LENGTH = 32_767;

    private static final String SAVE_AS_UTF8 = "; in Excel, save it as \"CSV UTF-8 (Comma delimited)\" and try again";
    private static final String HEADER_NEEDED = "the first row must name the columns, e.g. surname, given_name, "
            + "patronymic, full_name, person_id";
    /** A line number in a commons-csv message, written with the default locale's grouping ("1,234", "1 234"). */
    private static final Pattern LINE_IN_MESSAGE = Pattern.compile("(?:startline|at line:) ([\\d,.\\s\u00A0\u202F']+)");

    private ListFileReader() {
    }

    /**
     * Reads a list sent as a file.
     *
     * @param content the file's bytes
     * @param fileName the name it was sent with, or null: only for a hint in an error, the kind of file is told
     *     by the bytes
     */
    public static ListFile read(byte[] content, String fileName) {
        return read(content, fileName, MAX_ENTRIES);
    }

    /** Reads rows pasted from a spreadsheet (or CSV text pasted as such): a header line, then the rows. */
    public static ListFile readPasted(String text) {
        return readPasted(text, MAX_ENTRIES);
    }

    static ListFile read(byte[] content, String fileName, int maxEntries) {
        if (content.length == 0) {
            return ListBuilder.refused("the file is empty; " + HEADER_NEEDED);
        }
        if (XlsxListReader.isZip(content)) {
            return XlsxListReader.read(content, maxEntries);
        }
        if (XlsxListReader.isOle2(content)) {
            return XlsxListReader.readOle2(content);
        }
        String text = utf8(content);
        if (text == null) {
            return ListBuilder.refused(notUtf8(content, fileName));
        }
        return readText(text, maxEntries, false);
    }

    static ListFile readPasted(String text, int maxEntries) {
        return readText(text, maxEntries, true);
    }

    /** The content as text, or null when it is not UTF-8. */
    private static String utf8(byte[] content) {
        for (byte b : content) {
            if (b == 0) {
                return null;
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer out = CharBuffer.allocate(content.length);
        CoderResult result = decoder.decode(ByteBuffer.wrap(content), out, true);
        if (result.isError() || decoder.flush(out).isError()) {
            return null;
        }
        return out.flip().toString();
    }

    /** Why the content is not UTF-8 text, with the line of the first byte that is not. */
    private static String notUtf8(byte[] content, String fileName) {
        String named = fileName != null && fileName.toLowerCase(Locale.ROOT).matches(".*\\.(xlsx|xlsm|xls|ods)")
                ? "the file is named as a spreadsheet but is neither an Excel workbook (.xlsx) nor CSV text; " : "";
        if (content.length >= 2 && (content[0] == (byte) 0xFF && content[1] == (byte) 0xFE
                || content[0] == (byte) 0xFE && content[1] == (byte) 0xFF)) {
            return named + "the file is UTF-16 text (\"Unicode text\"), not UTF-8" + SAVE_AS_UTF8;
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(content);
        CoderResult result = decoder.decode(in, CharBuffer.allocate(content.length), true);
        int at = result.isError() ? in.position() : -1;
        for (int i = 0; i < content.length && (at < 0 || i < at); i++) {
            if (content[i] == 0) {
                at = i;
                break;
            }
        }
        if (at < 0) {
            at = content.length - 1;
        }
        int line = 1;
        for (int i = 0; i < at; i++) {
            if (content[i] == '\n') {
                line++;
            }
        }
        if (content[at] == 0) {
            return named + "the file is not UTF-8 text: line " + line + " holds a NUL byte (UTF-16 text?)"
                    + SAVE_AS_UTF8;
        }
        return named + String.format(Locale.ROOT, "the file is not UTF-8 text: line %d has a byte UTF-8 does not "
                + "allow there (0x%02X)", line, content[at] & 0xFF) + SAVE_AS_UTF8;
    }

    private static ListFile readText(String text, int maxEntries, boolean pasted) {
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        String headerLine = firstLineWithText(text);
        if (headerLine == null) {
            return ListBuilder.refused((pasted ? "nothing was pasted; " : "the file is empty; ") + HEADER_NEEDED);
        }
        char separator = separator(headerLine, pasted);
        try {
            return pasted && separator == '\t' ? readTabbed(text, maxEntries) : readCsv(text, separator, maxEntries);
        } catch (ListBuilder.TooManyEntries e) {
            return XlsxListReader.tooMany(maxEntries);
        }
    }

    private static String firstLineWithText(String text) {
        int start = 0;
        while (start < text.length()) {
            int end = start;
            while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                end++;
            }
            String line = text.substring(start, end);
            if (!line.isBlank()) {
                return line;
            }
            start = end + 1;
        }
        return null;
    }

    /**
     * The separator the header line shows. A file: comma, unless the line has no comma (outside quotes) but
     * semicolons (Excel's CSV where the decimal separator is a comma), or neither but tabs. Pasted text: tab when
     * the line has tabs or no separator at all (one column), else as for a file.
     */
    static char separator(String headerLine, boolean pasted) {
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        boolean quoted = false;
        for (int i = 0; i < headerLine.length(); i++) {
            char c = headerLine.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                commas += c == ',' ? 1 : 0;
                semicolons += c == ';' ? 1 : 0;
                tabs += c == '\t' ? 1 : 0;
            }
        }
        if (pasted && (tabs > 0 || commas == 0 && semicolons == 0)) {
            return '\t';
        }
        if (commas > 0) {
            return ',';
        }
        return semicolons > 0 ? ';' : tabs > 0 ? '\t' : ',';
    }

    private static ListFile readCsv(String text, char separator, int maxEntries) {
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(separator).setIgnoreEmptyLines(false).get();
        ListBuilder list = new ListBuilder(false, maxEntries);
        Lines lines = new Lines(text);
        boolean headerSeen = false;
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(format).get()) {
            Iterator<CSVRecord> records = parser.iterator();
            try {
                while (records.hasNext()) {
                    CSVRecord record = records.next();
                    int line = lines.lineAt(record.getCharacterPosition());
                    String[] values = record.values();
                    if (!headerSeen) {
                        if (List.of(values).stream().allMatch(String::isBlank)) {
                            continue;
                        }
                        headerSeen = true;
                        if (!list.header(line, List.of(values))) {
                            return list.result();
                        }
                        continue;
                    }
                    list.row(line, values, null, true);
                }
            } catch (UncheckedIOException e) {
                if (!(e.getCause() instanceof CSVException)) {
                    throw e;
                }
                quoteError(list, e.getCause().getMessage(), parser.getCurrentLineNumber());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringReader does not fail
        }
        return list.result();
    }

    /**
     * A quote out of place, in plain words (commons-csv's own message names its exception class). The parser
     * cannot go on after one: the rows before it stay, the rest is not read.
     */
    private static void quoteError(ListBuilder list, String message, long currentLine) {
        message = String.valueOf(message);
        Matcher number = LINE_IN_MESSAGE.matcher(message);
        long line = currentLine;
        if (number.find()) {
            String digits = number.group(1).replaceAll("\\D", "");
            if (!digits.isEmpty() && digits.length() < 10) {
                line = Long.parseLong(digits);
            }
        }
        String rest = "; the rest of the file was not read";
        if (message.contains("EOF")) {
            list.stop((int) line, "a quoted value in the row starting here is never closed: the file ends inside it "
                    + "(a quote inside a quoted value must be doubled: \"\")" + rest);
        } else if (message.contains("between encapsulated token and delimiter")) {
            list.stop((int) line, "text after the closing quote of a quoted value (a quote inside a quoted value "
                    + "must be doubled: \"\")" + rest);
        } else {
            list.stop((int) line, "not valid CSV (RFC 4180)" + rest);
        }
    }

    /**
     * Rows as a spreadsheet copies them: tab-separated, a cell in double quotes when it holds a tab, a line break
     * or a quote (quotes doubled inside). A quote that does not open such a cell, closed right before a tab or the
     * end of the line, is text.
     */
    private static ListFile readTabbed(String text, int maxEntries) {
        ListBuilder list = new ListBuilder(false, maxEntries);
        boolean headerSeen = false;
        int i = 0;
        int n = text.length();
        int line = 1;
        while (i < n) {
            int rowLine = line;
            List<String> values = new ArrayList<>();
            while (true) {
                int end = literalEnd(text, i);
                String value = null;
                if (i < n && text.charAt(i) == '"') {
                    StringBuilder quoted = new StringBuilder();
                    int breaks = 0;
                    int j = i + 1;
                    boolean closed = false;
                    while (j < n) {
                        char c = text.charAt(j);
                        if (c == '"') {
                            if (j + 1 < n && text.charAt(j + 1) == '"') {
                                quoted.append('"');
                                j += 2;
                                continue;
                            }
                            closed = true;
                            j++;
                            break;
                        }
                        if (c == '\n' || c == '\r' && (j + 1 >= n || text.charAt(j + 1) != '\n')) {
                            breaks++;
                        }
                        quoted.append(c);
                        j++;
                    }
                    if (closed && (j == n || text.charAt(j) == '\t' || text.charAt(j) == '\n'
                            || text.charAt(j) == '\r')) {
                        value = quoted.toString();
                        line += breaks;
                        i = j;
                    }
                }
                if (value == null) {
                    value = text.substring(i, end);
                    i = end;
                }
                values.add(value);
                if (i < n && text.charAt(i) == '\t') {
                    i++;
                    continue;
                }
                if (i < n && text.charAt(i) == '\r') {
                    i++;
                }
                if (i < n && text.charAt(i) == '\n') {
                    i++;
                }
                line++;
                break;
            }
            if (!headerSeen) {
                if (values.stream().allMatch(String::isBlank)) {
                    continue;
                }
                headerSeen = true;
                if (!list.header(rowLine, values)) {
                    return list.result();
                }
                continue;
            }
            list.row(rowLine, values.toArray(new String[0]), null, true);
        }
        return list.result();
    }

    /** Where a cell that is not quoted ends: at a tab, a line break or the end of the text. */
    private static int literalEnd(String text, int from) {
        int end = from;
        while (end < text.length() && text.charAt(end) != '\t' && text.charAt(end) != '\n'
                && text.charAt(end) != '\r') {
            end++;
        }
        return end;
    }

    /** The line (1 is the first) of a character position, for positions in increasing order. */
    private static final class Lines {
        private final String text;
        private int position;
        private int line = 1;

        Lines(String text) {
            this.text = text;
        }

        int lineAt(long target) {
            while (position < target && position < text.length()) {
                char c = text.charAt(position++);
                if (c == '\n' || c == '\r' && (position >= text.length() || text.charAt(position) != '\n')) {
                    line++;
                }
            }
            return line;
        }
    }
}
