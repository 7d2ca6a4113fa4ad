package org.parley.interchange;

import java.util.Map;

/**
 * How to import a file: the party that holds the persons (the importer's own), a power of origin for rows that give
 * none, the columns (header as in the file → field; null to guess them from the header), whether rows with
 * problems are skipped (else the file is refused whole), and the encoding of a CSV file (null to detect it).
 */
public record ImportOptions(String holdingParty, String powerOfOrigin, Map<String, String> columns,
        boolean skipBadRows, String encoding) {

    public ImportOptions {
        columns = columns == null ? null : Map.copyOf(columns);
    }
}
