package org.parley.reconcile;

import java.util.List;
import org.parley.names.PersonRecord;

/**
 * The persons read from one list file, with what was wrong in it.
 *
 * @param records the good rows, in file order
 * @param problems one line per bad row ("line 7: duplicate id 42, first on line 3"), in file order
 * @param unknownColumns header names that are not Parley columns and were ignored
 */
public record PersonList(List<PersonRecord> records, List<String> problems, List<String> unknownColumns) {
}
