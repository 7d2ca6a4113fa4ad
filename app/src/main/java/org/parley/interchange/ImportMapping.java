package org.parley.interchange;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which column of a file holds which field: {@code fields} by column index (0 is the first), as snake_case field
 * names ({@code surname}, {@code date_of_birth}, {@code holding_party}…); {@code unmapped} the headers of the
 * columns that are not imported, as written.
 */
public record ImportMapping(List<String> header, Map<Integer, String> fields, List<String> unmapped) {

    public ImportMapping {
        header = List.copyOf(header);
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        unmapped = List.copyOf(unmapped);
    }

    /** The field of a column, or null. */
    public String fieldAt(int column) {
        return fields.get(column);
    }

    public boolean maps(String field) {
        return fields.containsValue(field);
    }

    /** The mapping as the mapping file writes it: header as in the file → field. */
    public Map<String, String> asColumns() {
        Map<String, String> columns = new LinkedHashMap<>();
        fields.forEach((index, field) -> columns.put(header.get(index), field));
        return columns;
    }
}
