package org.parley.database;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyInputStream;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Reads a large query result through {@code COPY (query) TO STDOUT (FORMAT binary)}: PostgreSQL sends the rows
 * without pausing for the client to ask for the next batch (as a cursor does), in its binary forms, so that text
 * arrives as its UTF-8 bytes and numbers, dates and times need no parsing. Each row is read into one reusable
 * buffer; a handler reads its fields by position and must not keep the buffer. Runs on the current transaction's
 * connection, so it sees that transaction's snapshot. For the audit verifier, which reads every row of several
 * large tables.
 */
public final class BinaryCopyQuery {

    private static final byte[] SIGNATURE = "PGCOPY\n\377\r\n\0".getBytes(StandardCharsets.ISO_8859_1);
    /** PostgreSQL's dates and times count from 2000-01-01. */
    private static final long EPOCH_2000_DAYS = LocalDate.of(2000, 1, 1).toEpochDay();
    private static final long EPOCH_2000_SECONDS = EPOCH_2000_DAYS * 86_400;

    @FunctionalInterface
    public interface RowHandler {
        void row(Row row);
    }

    /** One row of the result: its fields by position (0-based), valid until the handler returns. */
    public static final class Row {

        private byte[] data = new byte[4096];
        private int[] offsets = new int[16];
        private int[] lengths = new int[16];

        public boolean isNull(int field) {
            return lengths[field] < 0;
        }

        /** The field's bytes live in {@link #data()} from {@link #offset} for {@link #length} (-1 when null). */
        public byte[] data() {
            return data;
        }

        public int offset(int field) {
            return offsets[field];
        }

        public int length(int field) {
            return lengths[field];
        }

        public long int8(int field) {
            return readLong(offsetOf(field, 8, "bigint"));
        }

        public int int4(int field) {
            return readInt(offsetOf(field, 4, "integer"));
        }

        public int int2(int field) {
            int at = offsetOf(field, 2, "smallint");
            return (short) ((data[at] & 0xff) << 8 | (data[at + 1] & 0xff));
        }

        public boolean bool(int field) {
            return data[offsetOf(field, 1, "boolean")] != 0;
        }

        /** Where a fixed-size value starts; a field of another size (another type, or null) is a programming error. */
        private int offsetOf(int field, int size, String type) {
            if (lengths[field] != size) {
                throw new IllegalStateException("field " + field + " is not a " + type + " (" + lengths[field]
                        + " bytes)");
            }
            return offsets[field];
        }

        public String text(int field) {
            return isNull(field) ? null : new String(data, offsets[field], lengths[field], StandardCharsets.UTF_8);
        }

        public byte[] bytes(int field) {
            return isNull(field) ? null : Arrays.copyOfRange(data, offsets[field], offsets[field] + lengths[field]);
        }

        /** A date, or null; {@code infinity} and dates beyond what Java can hold are refused. */
        public LocalDate date(int field) {
            if (isNull(field)) {
                return null;
            }
            int days = readInt(offsetOf(field, 4, "date"));
            if (days == Integer.MAX_VALUE || days == Integer.MIN_VALUE) {
                throw new IllegalStateException("field " + field + " is an infinite date");
            }
            return LocalDate.ofEpochDay(EPOCH_2000_DAYS + days);
        }

        /** A timestamp with time zone (microseconds since 2000-01-01 UTC), or null. */
        public Instant timestamp(int field) {
            if (isNull(field)) {
                return null;
            }
            long micros = readLong(offsetOf(field, 8, "timestamp"));
            return Instant.ofEpochSecond(EPOCH_2000_SECONDS + Math.floorDiv(micros, 1_000_000L),
                    Math.floorMod(micros, 1_000_000L) * 1_000L);
        }

        private int readInt(int at) {
            return (data[at] & 0xff) << 24 | (data[at + 1] & 0xff) << 16 | (data[at + 2] & 0xff) << 8
                    | (data[at + 3] & 0xff);
        }

        private long readLong(int at) {
            return (long) readInt(at) << 32 | (readInt(at + 4) & 0xffffffffL);
        }

        /** Reads the next row; false at the end of the result. */
        private boolean read(DataInputStream in) throws IOException {
            int count = in.readShort();
            if (count == -1) {
                return false;
            }
            if (count > offsets.length) {
                offsets = new int[count];
                lengths = new int[count];
            }
            int used = 0;
            for (int field = 0; field < count; field++) {
                int length = in.readInt();
                offsets[field] = used;
                lengths[field] = length;
                if (length > 0) {
                    if (used + length > data.length) {
                        data = Arrays.copyOf(data, Math.max(data.length * 2, used + length));
                    }
                    in.readFully(data, used, length);
                    used += length;
                }
            }
            return true;
        }
    }

    private BinaryCopyQuery() {
    }

    public static void forEach(DataSource dataSource, String sql, RowHandler handler) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("a binary copy query reads in the caller's transaction");
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (PGCopyInputStream copy = new PGCopyInputStream(connection.unwrap(PGConnection.class),
                "copy (" + sql + ") to stdout (format binary)")) {
            DataInputStream in = new DataInputStream(new BufferedInputStream(copy, 1 << 16));
            readHeader(in);
            Row row = new Row();
            while (row.read(in)) {
                handler.row(row);
            }
            // the end marker is read: let the copy finish so that the connection is ready for the next statement
            while (copy.read() != -1) {
                // nothing after the end marker
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("copy query failed: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private static void readHeader(DataInputStream in) throws IOException {
        byte[] signature = new byte[SIGNATURE.length];
        try {
            in.readFully(signature);
        } catch (EOFException e) {
            throw new IOException("no binary copy header", e);
        }
        if (!Arrays.equals(signature, SIGNATURE)) {
            throw new IOException("not a binary copy: unexpected signature");
        }
        in.readInt(); // flags: none defined that matter here
        in.skipNBytes(in.readInt()); // header extension
    }
}
