package org.parley.reconcile;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;
import org.parley.names.PersonRecord;

/**
 * Reads a list file that holds no quote character at all, as most exported lists are: its rows are then its
 * non-empty lines (ended by LF, CR or CR LF) and its values what the commas separate, exactly as an RFC 4180
 * parser reads them. So the file, read whole, is cut into pieces at line ends and the pieces are read and their
 * records prepared on all cores, while this thread keeps the records in file order, finds repeated ids and tells
 * each record kept. The records are kept as the file's lines, read again when asked for. Messages and line numbers are those of {@link PersonListReader}'s row-by-row reading (a row's
 * line is the one after the previous row's end).
 */
final class UnquotedRows {

    /** About this many bytes per piece: some three thousand rows. */
    private static final int PIECE = 1 << 18;

    private UnquotedRows() {
    }

    /** Whether a file's bytes can be read this way: no quote anywhere. */
    static boolean applies(byte[] bytes) {
        for (byte b : bytes) {
            if (b == '"') {
                return false;
            }
        }
        return true;
    }

    static <T> PersonList read(Path file, byte[] bytes, Function<PersonRecord, T> prepare, Consumer<T> kept) {
        // The header: the first non-empty line.
        int at = 0;
        long breaks = 0;
        while (at < bytes.length && isBreak(bytes[at])) {
            at = afterBreak(bytes, at);
            breaks++;
        }
        if (at == bytes.length) {
            throw new InputFileException(file + ": the file is empty; a header row with an 'id' column is needed");
        }
        int headerEnd = lineEnd(bytes, at);
        PersonListReader.Header header = PersonListReader.Header.of(file, values(bytes, at, headerEnd));
        at = headerEnd;
        if (at < bytes.length) {
            at = afterBreak(bytes, at);
            breaks++;
        }
        Lines records = new Lines(bytes, header);
        List<String> problems = new ArrayList<>();
        PersonListReader.FirstLines lineOfId = new PersonListReader.FirstLines();
        int encodingErrors = 0;
        int threads = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread reading = new Thread(task, "reconcile-reading");
            reading.setDaemon(true);
            return reading;
        });
        try {
            Deque<Future<Piece<T>>> pending = new ArrayDeque<>();
            long line = breaks + 1;
            while (at < bytes.length || !pending.isEmpty()) {
                // A few pieces ahead of the one kept, no more: the memory holds only them.
                while (at < bytes.length && pending.size() <= threads) {
                    int from = at;
                    int to = pieceEnd(bytes, from);
                    pending.add(pool.submit(() -> Piece.read(bytes, from, to, header, prepare)));
                    at = to;
                }
                Piece<T> piece = get(pending.poll());
                int problem = 0;
                for (int i = 0; i < piece.records.size(); i++) {
                    for (; problem < piece.problems.size() && piece.problemBefore.get(problem) <= i; problem++) {
                        problems.add("line " + (line + piece.problemLine.get(problem)) + ": "
                                + piece.problems.get(problem));
                    }
                    PersonRecord record = piece.records.get(i);
                    long recordLine = line + piece.lines[i];
                    long first = lineOfId.putIfAbsent(record.id(), recordLine, records);
                    if (first >= 0) {
                        problems.add("line " + recordLine + ": " + PersonListReader.duplicate(record, first));
                        continue;
                    }
                    records.add(piece.starts[i]);
                    kept.accept(piece.prepared.get(i));
                }
                for (; problem < piece.problems.size(); problem++) {
                    problems.add("line " + (line + piece.problemLine.get(problem)) + ": "
                            + piece.problems.get(problem));
                }
                encodingErrors += piece.encodingErrors;
                line += piece.breaks;
            }
        } finally {
            pool.shutdownNow();
        }
        return PersonListReader.list(file, records, problems, header, encodingErrors);
    }

    private static <T> Piece<T> get(Future<Piece<T>> piece) {
        try {
            return piece.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : new IllegalStateException(e.getCause());
        }
    }

    /**
     * Where a piece starting at {@code from} ends: about {@link #PIECE} bytes on, after a line break that ends a
     * non-empty line and before one that is not empty, so that the row after it starts the next piece on its
     * line (or at the end of the file).
     */
    private static int pieceEnd(byte[] bytes, int from) {
        for (int p = (int) Math.min(bytes.length, (long) from + PIECE); p < bytes.length; p++) {
            if (bytes[p - 1] == '\n' && !isBreak(bytes[p])) {
                int lineLast = bytes[p - 2] == '\r' ? p - 3 : p - 2;
                if (lineLast >= from && !isBreak(bytes[lineLast])) {
                    return p;
                }
            }
        }
        return bytes.length;
    }

    private static boolean isBreak(byte b) {
        return b == '\n' || b == '\r';
    }

    /** The place after the line break at {@code at} (CR LF is one). */
    private static int afterBreak(byte[] bytes, int at) {
        return bytes[at] == '\r' && at + 1 < bytes.length && bytes[at + 1] == '\n' ? at + 2 : at + 1;
    }

    private static int lineEnd(byte[] bytes, int from) {
        int at = from;
        while (at < bytes.length && !isBreak(bytes[at])) {
            at++;
        }
        return at;
    }

    /** The values of a line, as UTF-8 (bytes that are not become U+FFFD). */
    private static String[] values(byte[] bytes, int from, int to) {
        return values(bytes, from, to, null);
    }

    /** The values of a line, those of the columns that repeat made once per distinct value by {@code texts}. */
    private static String[] values(byte[] bytes, int from, int to, Texts texts) {
        int count = 1;
        for (int at = from; at < to; at++) {
            if (bytes[at] == ',') {
                count++;
            }
        }
        String[] values = new String[count];
        int start = from;
        int value = 0;
        for (int at = from; at <= to; at++) {
            if (at == to || bytes[at] == ',') {
                values[value] = texts != null && texts.repeats(value) ? texts.of(bytes, start, at)
                        : new String(bytes, start, at - start, StandardCharsets.UTF_8);
                value++;
                start = at + 1;
            }
        }
        return values;
    }

    /**
     * The texts of the columns whose values repeat (names, dates of birth, units, ranks: a million rows hold some
     * thousands of each), made once per distinct value as long as it is met again soon: fewer strings to make and
     * collect, and their hashes, which the matching keys' tables ask for, computed once. One per thread.
     */
    private static final class Texts {
        private static final int SLOTS = 1 << 13;
        private final boolean[] repeats;
        private final byte[][] keys = new byte[SLOTS][];
        private final String[] texts = new String[SLOTS];

        Texts(PersonListReader.Header header) {
            repeats = header.repeatingValues();
        }

        boolean repeats(int field) {
            return field < repeats.length && repeats[field];
        }

        String of(byte[] bytes, int from, int to) {
            int hash = 0;
            for (int at = from; at < to; at++) {
                hash = 31 * hash + bytes[at];
            }
            int slot = (hash ^ hash >>> 13) & (SLOTS - 1);
            byte[] key = keys[slot];
            if (key != null && Arrays.equals(key, 0, key.length, bytes, from, to)) {
                return texts[slot];
            }
            String text = new String(bytes, from, to - from, StandardCharsets.UTF_8);
            keys[slot] = Arrays.copyOfRange(bytes, from, to);
            texts[slot] = text;
            return text;
        }
    }

    /**
     * The records kept, as the lines of the file they were read from: the file's bytes are all the memory they
     * take (and where each starts), and a record is read from its line again when asked for.
     */
    private static final class Lines extends AbstractList<PersonRecord> implements RandomAccess {
        private final byte[] bytes;
        private final PersonListReader.Header header;
        private int[] starts = new int[1024];
        private int size;

        Lines(byte[] bytes, PersonListReader.Header header) {
            this.bytes = bytes;
            this.header = header;
        }

        void add(int start) {
            if (size == starts.length) {
                starts = Arrays.copyOf(starts, 2 * size);
            }
            starts[size++] = start;
        }

        @Override
        public PersonRecord get(int index) {
            Objects.checkIndex(index, size);
            return header.record(values(bytes, starts[index], lineEnd(bytes, starts[index])));
        }

        @Override
        public int size() {
            return size;
        }
    }

    /**
     * The rows of one piece: its records, where they start and prepared; the bad rows' reasons;
     * line numbers counted from the piece's start.
     */
    private static final class Piece<T> {
        /** The reading threads' texts (the threads live as long as one file is read). */
        private static final ThreadLocal<Texts> TEXTS = new ThreadLocal<>();

        final List<PersonRecord> records = new ArrayList<>();
        /** Per record, the line breaks in the piece before its row's line, as the row-by-row reading counts. */
        int[] lines = new int[64];
        /** Per record, where its line starts in the file. */
        int[] starts = new int[64];
        final List<T> prepared = new ArrayList<>();
        final List<String> problems = new ArrayList<>();
        final List<Integer> problemLine = new ArrayList<>();
        /** Per problem, the number of records before it. */
        final List<Integer> problemBefore = new ArrayList<>();
        int encodingErrors;
        int breaks;

        static <T> Piece<T> read(byte[] bytes, int from, int to, PersonListReader.Header header,
                Function<PersonRecord, T> prepare) {
            Piece<T> piece = new Piece<>();
            Texts texts = TEXTS.get();
            if (texts == null) {
                texts = new Texts(header);
                TEXTS.set(texts);
            }
            int line = 0; // breaks up to the end of the previous row
            int at = from;
            while (at < to) {
                if (isBreak(bytes[at])) { // an empty line
                    at = afterBreak(bytes, at);
                    piece.breaks++;
                    continue;
                }
                int end = lineEnd(bytes, at);
                String[] row = values(bytes, at, end, texts);
                try {
                    if (PersonListReader.hasReplacement(row)) {
                        piece.encodingErrors++;
                    }
                    PersonRecord record = header.record(row);
                    if (piece.records.size() == piece.lines.length) {
                        piece.lines = Arrays.copyOf(piece.lines, 2 * piece.lines.length);
                        piece.starts = Arrays.copyOf(piece.starts, 2 * piece.starts.length);
                    }
                    piece.lines[piece.records.size()] = line;
                    piece.starts[piece.records.size()] = at;
                    piece.records.add(record);
                    piece.prepared.add(prepare.apply(record));
                } catch (IllegalArgumentException e) {
                    piece.problems.add(e.getMessage());
                    piece.problemLine.add(line);
                    piece.problemBefore.add(piece.records.size());
                }
                at = end;
                if (at < to) {
                    at = afterBreak(bytes, at);
                    piece.breaks++;
                }
                line = piece.breaks;
            }
            return piece;
        }
    }
}
