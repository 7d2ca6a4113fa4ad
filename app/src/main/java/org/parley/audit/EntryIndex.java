package org.parley.audit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The audited entries by record type, record id and version, to their seq: what states are matched with. Most
 * record ids are numbers (persons, statements): those are kept in flat arrays with open addressing, without an
 * object per entry, since a log holds millions; other ids (user names, organisation codes) in a map.
 */
final class EntryIndex {

    /** What {@link #get} returns for an entry not in the index. */
    static final long NONE = -1;

    /** A number as a record id: a non-negative decimal without leading zeros, as {@link Long#toString} writes it. */
    static long numeric(String id) {
        int length = id.length();
        if (length == 0 || length > 18 || (length > 1 && id.charAt(0) == '0')) {
            return NONE;
        }
        long value = 0;
        for (int i = 0; i < length; i++) {
            char c = id.charAt(i);
            if (c < '0' || c > '9') {
                return NONE;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    @FunctionalInterface
    interface EntryVisitor {
        /** One entry: {@code id} is null where the record id is the number {@code numericId}. */
        void entry(int type, long numericId, String id, int version, long seq);
    }

    private record TextKey(int type, String id, int version) {
    }

    private final List<String> types = new ArrayList<>();
    private long[] ids;
    private int[] versions;
    private int[] typeOf;
    /** seq + 1 of each slot's entry; 0 where the slot is empty. */
    private long[] seqs;
    private int size;
    private final Map<TextKey, Long> others = new HashMap<>();

    EntryIndex(long expectedEntries) {
        int capacity = Integer.highestOneBit((int) Math.min(1 << 29, Math.max(16, expectedEntries * 2)) - 1) << 1;
        allocate(capacity);
    }

    private void allocate(int capacity) {
        ids = new long[capacity];
        versions = new int[capacity];
        typeOf = new int[capacity];
        seqs = new long[capacity];
    }

    /** Adds a record type; all are added before entries are put and matched. */
    int register(String type) {
        if (!types.contains(type)) {
            types.add(type);
        }
        return type(type);
    }

    /** The index of a registered record type. */
    int type(String type) {
        int index = types.indexOf(type);
        if (index < 0) {
            throw new IllegalArgumentException("record type " + type + " is not registered");
        }
        return index;
    }

    /** The record as problems name it, e.g. {@code person 42}. */
    String record(int type, long numericId, String id) {
        return types.get(type) + " " + (id == null ? Long.toString(numericId) : id);
    }

    /** Adds an entry, or replaces the seq of the one with the same record and version. */
    void put(int type, String id, int version, long seq) {
        long number = numeric(id);
        if (number == NONE) {
            others.put(new TextKey(type, id, version), seq);
        } else {
            put(type, number, version, seq);
        }
    }

    private void put(int type, long id, int version, long seq) {
        if ((size + 1) * 2L > seqs.length) {
            grow();
        }
        int mask = seqs.length - 1;
        int slot = slot(type, id, version) & mask;
        while (seqs[slot] != 0) {
            if (ids[slot] == id && versions[slot] == version && typeOf[slot] == type) {
                seqs[slot] = seq + 1;
                return;
            }
            slot = (slot + 1) & mask;
        }
        ids[slot] = id;
        versions[slot] = version;
        typeOf[slot] = type;
        seqs[slot] = seq + 1;
        size++;
    }

    private void grow() {
        long[] oldIds = ids;
        int[] oldVersions = versions;
        int[] oldTypes = typeOf;
        long[] oldSeqs = seqs;
        allocate(oldSeqs.length * 2);
        size = 0;
        for (int i = 0; i < oldSeqs.length; i++) {
            if (oldSeqs[i] != 0) {
                put(oldTypes[i], oldIds[i], oldVersions[i], oldSeqs[i] - 1);
            }
        }
    }

    /** The seq of the entry of this record and version, or {@link #NONE}. */
    long get(int type, String id, int version) {
        long number = numeric(id);
        if (number == NONE) {
            Long seq = others.get(new TextKey(type, id, version));
            return seq == null ? NONE : seq;
        }
        return get(type, number, version);
    }

    long get(int type, long id, int version) {
        int mask = seqs.length - 1;
        int slot = slot(type, id, version) & mask;
        while (seqs[slot] != 0) {
            if (ids[slot] == id && versions[slot] == version && typeOf[slot] == type) {
                return seqs[slot] - 1;
            }
            slot = (slot + 1) & mask;
        }
        return NONE;
    }

    void forEach(EntryVisitor visitor) {
        for (int i = 0; i < seqs.length; i++) {
            if (seqs[i] != 0) {
                visitor.entry(typeOf[i], ids[i], null, versions[i], seqs[i] - 1);
            }
        }
        others.forEach((key, seq) -> visitor.entry(key.type(), NONE, key.id(), key.version(), seq));
    }

    private static int slot(int type, long id, int version) {
        long h = (id * 0x9E3779B97F4A7C15L) ^ (version * 0xC2B2AE3D27D4EB4FL) ^ type;
        h ^= h >>> 31;
        return (int) (h ^ (h >>> 17));
    }
}
