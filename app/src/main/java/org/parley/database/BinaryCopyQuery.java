package org.parley.database;

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
import org.postgresql.copy.CopyOut;
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

        private byte[] data;
        /** Where the row starts in {@link #data}; field offsets count from there. */
        private int base;
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
            return base + offsets[field];
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
            return base + offsets[field];
        }

        public String text(int field) {
            return isNull(field) ? null : new String(data, offset(field), lengths[field], StandardCharsets.UTF_8);
        }

        public byte[] bytes(int field) {
            return isNull(field) ? null : Arrays.copyOfRange(data, offset(field), offset(field) + lengths[field]);
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
        private boolean read(CopyInput in) throws SQLException, IOException {
            in.startRow();
            in.need(2);
            int count = in.readShort();
            if (count == -1) {
                return false;
            }
            if (count > offsets.length) {
                offsets = new int[count];
                lengths = new int[count];
            }
            for (int field = 0; field < count; field++) {
                in.need(4);
                int length = in.readInt();
                lengths[field] = length;
                offsets[field] = in.position - in.rowStart;
                if (length > 0) {
                    in.need(length);
                    in.position += length;
                }
            }
            data = in.buffer;
            base = in.rowStart;
            return true;
        }
    }

    /**
     * The copy's bytes, as PostgreSQL sends them in messages, gathered in one buffer that rows are read from in
     * place. When more bytes are needed, the row being read is moved to the buffer's start first.
     */
    private static final class CopyInput {

        private final CopyOut copy;
        private byte[] buffer = new byte[1 << 16];
        private int position;
        private int limit;
        private int rowStart;

        CopyInput(CopyOut copy) {
            this.copy = copy;
        }

        void startRow() {
            rowStart = position;
        }

        /** Makes at least {@code bytes} unread bytes available from {@link #position}. */
        void need(int bytes) throws SQLException, IOException {
            while (limit - position < bytes) {
                byte[] message = copy.readFromCopy();
                if (message == null) {
                    throw new EOFException("the copy ended within a row");
                }
                if (rowStart > 0) {
                    System.arraycopy(buffer, rowStart, buffer, 0, limit - rowStart);
                    position -= rowStart;
                    limit -= rowStart;
                    rowStart = 0;
                }
                if (limit + message.length > buffer.length) {
                    buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, limit + message.length));
                }
                System.arraycopy(message, 0, buffer, limit, message.length);
                limit += message.length;
            }
        }

        int readShort() {
            int value = (short) ((buffer[position] & 0xff) << 8 | (buffer[position + 1] & 0xff));
            position += 2;
            return value;
        }

        int readInt() {
            int value = (buffer[position] & 0xff) << 24 | (buffer[position + 1] & 0xff) << 16
                    | (buffer[position + 2] & 0xff) << 8 | (buffer[position + 3] & 0xff);
            position += 4;
            return value;
        }

        void readHeader() throws SQLException, IOException {
            need(SIGNATURE.length + 8);
            if (!Arrays.equals(buffer, position, position + SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length)) {
                throw new IOException("not a binary copy: unexpected signature");
            }
            position += SIGNATURE.length;
            readInt(); // flags: none defined that matter here
            int extension = readInt();
            need(extension);
            position += extension;
        }

        /** Reads what follows the end marker, so that the connection is ready for the next statement. */
        void finish() throws SQLException {
            while (copy.readFromCopy() != null) {
                // nothing is sent after the end marker
            }
        }
    }

    private BinaryCopyQuery() {
    }

    public static void forEach(DataSource dataSource, String sql, RowHandler handler) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("a binary copy query reads in the caller's transaction");
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        CopyOut copy = null;
        try {
            copy = connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyOut("copy (" + sql + ") to stdout (format binary)");
            CopyInput in = new CopyInput(copy);
            in.readHeader();
            Row row = new Row();
            while (row.read(in)) {
                handler.row(row);
            }
            in.finish();
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("copy query failed: " + e.getMessage(), e);
        } finally {
            drainIfActive(copy);
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /**
     * A copy left unfinished (a handler threw) is read to its end, so that the connection can run the rollback. A
     * cancel request would be quicker, but it may reach the server after the copy ended and cancel the rollback.
     */
    private static void drainIfActive(CopyOut copy) {
        if (copy != null && copy.isActive()) {
            try {
                while (copy.readFromCopy() != null) {
                    // discarded
                }
            } catch (SQLException e) {
                // the connection is broken then; the pool finds out when it next checks it
            }
        }
    }
}
