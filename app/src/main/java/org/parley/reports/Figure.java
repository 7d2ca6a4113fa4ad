package org.parley.reports;

import java.util.Map;

/**
 * One figure as {@code GET /api/v1/figures} gives it: {@code breakdown} maps a dimension to its values' counts (or,
 * for a cross-tabulation, to a map of maps); {@code records} is the address of the records it counts.
 */
record Figure(String id, String title, long value, Map<String, Object> breakdown, String definition, AsOf asOf,
        String records) {

    /** The audit log at the moment the figure was computed: its size and root hash (hex). */
    record AsOf(long treeSize, String rootHash) {
    }
}
