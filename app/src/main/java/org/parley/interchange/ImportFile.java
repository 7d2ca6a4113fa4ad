package org.parley.interchange;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A file to import, read as a stream of rows: never held whole. What it is, is told by its bytes, never by its name:
 * a ZIP is an Excel workbook (its first sheet the persons, a second sheet the events; see {@link ImportWorkbook}),
 * an OLE2 file (an old .xls, a password-protected workbook) is refused, anything else is CSV in the encoding
 * {@link ImportEncoding} finds, separated by what its header line has most of among {@code ,} {@code ;} and tab,
 * RFC 4180 quoting (so cells may hold line breaks), spaces around a quoted cell ignored.
 */
public final class ImportFile {

    /** What the file is. */
    public enum Kind { CSV, XLSX }

    private static final int HEAD = 64 * 1024;

    private final Path path;
    private final Kind kind;
    private final ImportEncoding encoding;
    private final char separator;
    private final long size;
    private final AtomicLong bytesRead = new AtomicLong();

    private ImportFile(Path path, Kind kind, ImportEncoding encoding, char separator, long size) {
        this.path = path;
        this.kind = kind;
        this.encoding = encoding;
        this.separator = separator;
        this.size = size;
    }

    /**
     * Opens a file: tells its kind, encoding and separator from its first bytes.
     *
     * @param encoding the encoding the user gave, or null to detect it
     * @throws ImportFileException when it cannot be read, saying why
     */
    public static ImportFile open(Path path, String encoding) {
        byte[] head = new byte[HEAD];
        int length;
        long size;
        try (InputStream in = Files.newInputStream(path)) {
            length = in.readNBytes(head, 0, HEAD);
            size = Files.size(path);
        } catch (IOException e) {
            throw new ImportFileException("the file cannot be read: " + e.getMessage(), e);
        }
        if (length == 0) {
            throw new ImportFileException("the file is empty");
        }
        if (length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            return new ImportFile(path, Kind.XLSX, null, '\0', size);
        }
        if (length >= 4 && (head[0] & 0xFF) == 0xD0 && (head[1] & 0xFF) == 0xCF && (head[2] & 0xFF) == 0x11
                && (head[3] & 0xFF) == 0xE0) {
            throw new ImportFileException("the file is an old Excel workbook (.xls) or a password-protected one: "
                    + "save it as an Excel workbook (.xlsx) or as CSV UTF-8, without a password");
        }
        ImportEncoding detected = ImportEncoding.of(head, length, encoding);
        String text = new String(head, detected.bomLength(), length - detected.bomLength(), detected.charset());
        return new ImportFile(path, Kind.CSV, detected, separator(text), size);
    }

    /** The separator of the first non-blank line: the most frequent of , ; and tab outside quotes (comma on a tie). */
    static char separator(String text) {
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        boolean quoted = false;
        boolean seen = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                if (seen && commas + semicolons + tabs > 0) {
                    break;
                }
            } else if (!quoted) {
                seen |= !Character.isWhitespace(c);
                commas += c == ',' ? 1 : 0;
                semicolons += c == ';' ? 1 : 0;
                tabs += c == '\t' ? 1 : 0;
            }
        }
        return tabs > commas && tabs > semicolons ? '\t' : semicolons > commas ? ';' : ',';
    }

    public Kind kind() {
        return kind;
    }

    public long size() {
        return size;
    }

    /** Bytes of the file read so far (a CSV's; a workbook counts as read when done). */
    public long bytesRead() {
        return bytesRead.get();
    }

    /** What was found, for people: "CSV, UTF-8, separated by ';'" or "Excel workbook". */
    public String describe() {
        return kind == Kind.XLSX ? "Excel workbook" : "CSV, " + encoding.describe() + ", separated by "
                + (separator == '\t' ? "tabs" : "'" + separator + "'");
    }

    /** The encoding of a CSV file (null for a workbook). */
    public ImportEncoding encoding() {
        return encoding;
    }

    /** Reads the persons: a CSV file's rows, or a workbook's first sheet. */
    public void readPersons(ImportRowSink sink) {
        if (kind == Kind.XLSX) {
            ImportWorkbook.read(path, 0, sink);
            bytesRead.set(size);
        } else {
            readCsv(sink);
        }
    }

    /** Whether the file carries the events too: a workbook with a second sheet. */
    public boolean hasEventSheet() {
        return kind == Kind.XLSX && ImportWorkbook.sheetCount(path) > 1;
    }

    /** Reads the events of a workbook's second sheet. */
    public void readEventSheet(ImportRowSink sink) {
        ImportWorkbook.read(path, 1, sink);
    }

    private void readCsv(ImportRowSink sink) {
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(separator).setIgnoreEmptyLines(false)
                .setIgnoreSurroundingSpaces(true).get();
        long line = 1;
        try (InputStream raw = new Counting(Files.newInputStream(path), bytesRead)) {
            raw.skipNBytes(encoding.bomLength());
            BufferedReader reader = new BufferedReader(new InputStreamReader(raw, encoding.charset().newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)),
                    1 << 16);
            try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
                for (CSVRecord record : parser) {
                    List<String> cells = new ArrayList<>(record.size());
                    record.forEach(cells::add);
                    if (!sink.row(line, cells)) {
                        return;
                    }
                    line = parser.getCurrentLineNumber() + 1;
                }
            }
        } catch (UncheckedIOException | IOException | IllegalStateException e) {
            throw failure(e, line);
        }
    }

    private ImportFileException failure(Exception e, long line) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CharacterCodingException) {
                return new ImportFileException("line " + line + ": the text is not valid " + encoding.charset().name()
                        + ": give the file's encoding (e.g. windows-1251), or save it as CSV UTF-8", e);
            }
        }
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        if (message.contains("EOF reached before encapsulated token finished")) {
            return new ImportFileException("line " + line + ": a quoted cell is never closed (a \" is missing)", e);
        }
        if (message.contains("invalid char between encapsulated token and delimiter")) {
            return new ImportFileException("line " + line + ": text after a quoted cell (a \" inside a cell must "
                    + "be doubled)", e);
        }
        return new ImportFileException("line " + line + ": the file cannot be read as CSV", e);
    }

    /** Counts the bytes read, for the progress of an import. */
    private static final class Counting extends FilterInputStream {
        private final AtomicLong count;

        Counting(InputStream in, AtomicLong count) {
            super(in);
            this.count = count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count.incrementAndGet();
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count.addAndGet(n);
            }
            return n;
        }
    }
}
