package org.parley.reconcile;

import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;
import org.parley.names.BirthDate;
import org.parley.names.PersonRecord;

/**
 * Person records kept as UTF-8 bytes in a few large arrays and made into {@link PersonRecord}s again when read:
 * a right list of a million records takes about 90 MB this way instead of several hundred as objects and
 * strings, and the garbage collector has nothing to copy but the arrays. Filled by one thread, then read by any.
 */
final class PackedRecords extends AbstractList<PersonRecord> implements RandomAccess {

    /** Large enough to be allocated outside the young generation, which then never copies it. */
    private static final int CHUNK = 1 << 22;

    private final List<byte[]> chunks = new ArrayList<>();
    private byte[] chunk = new byte[0];
    private int used;
    /** Per record: its chunk in the high 32 bits, its offset there in the low ones. */
    private long[] starts = new long[1024];
    private int size;
    private byte[] scratch = new byte[256];
    private int written;

    @Override
    public boolean add(PersonRecord record) {
        written = 0;
        BirthDate date = record.dateOfBirth();
        writeNumber(date == null ? 0 : date.year() * 10_000 + date.month() * 100 + date.day());
        for (String value : new String[] {record.id(), record.surname(), record.givenName(), record.patronymic(),
                record.fullName(), record.serviceNumber(), record.unit(), record.rank()}) {
            if (value == null) {
                writeNumber(0);
            } else {
                byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
                writeNumber(bytes.length + 1);
                room(bytes.length);
                System.arraycopy(bytes, 0, scratch, written, bytes.length);
                written += bytes.length;
            }
        }
        if (used + written > chunk.length) {
            chunk = new byte[Math.max(CHUNK, written)];
            chunks.add(chunk);
            used = 0;
        }
        System.arraycopy(scratch, 0, chunk, used, written);
        if (size == starts.length) {
            starts = Arrays.copyOf(starts, size * 2);
        }
        starts[size++] = (long) (chunks.size() - 1) << 32 | used;
        used += written;
        return true;
    }

    @Override
    public PersonRecord get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        Reader reader = new Reader(chunks.get((int) (starts[index] >>> 32)), (int) starts[index]);
        int date = reader.number();
        String[] values = new String[8];
        for (int i = 0; i < values.length; i++) {
            values[i] = reader.text();
        }
        return new PersonRecord(values[0], values[1], values[2], values[3], values[4],
                date == 0 ? null : new BirthDate(date / 10_000, date / 100 % 100, date % 100), values[5], values[6],
                values[7]);
    }

    @Override
    public int size() {
        return size;
    }

    /** A non-negative number in 7-bit groups, low first, the high bit set on all but the last. */
    private void writeNumber(int number) {
        room(5);
        while (number >= 0x80) {
            scratch[written++] = (byte) (number & 0x7f | 0x80);
            number >>>= 7;
        }
        scratch[written++] = (byte) number;
    }

    private void room(int more) {
        if (written + more > scratch.length) {
            scratch = Arrays.copyOf(scratch, Math.max(2 * scratch.length, written + more));
        }
    }

    /** Reads one record's values back. */
    private static final class Reader {
        private final byte[] bytes;
        private int at;

        Reader(byte[] bytes, int at) {
            this.bytes = bytes;
            this.at = at;
        }

        int number() {
            int number = 0;
            int shift = 0;
            byte b;
            do {
                b = bytes[at++];
                number |= (b & 0x7f) << shift;
                shift += 7;
            } while (b < 0);
            return number;
        }

        String text() {
            int length = number() - 1;
            if (length < 0) {
                return null;
            }
            String text = new String(bytes, at, length, StandardCharsets.UTF_8);
            at += length;
            return text;
        }
    }
}
