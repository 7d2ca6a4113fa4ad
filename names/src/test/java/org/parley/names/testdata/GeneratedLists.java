package org.parley.names.testdata;

import java.util.List;
import java.util.Map;
import org.parley.names.PersonRecord;

/**
 * A generated pair of lists with its ground truth.
 *
 * @param left the list to find
 * @param right the list to search in
 * @param truth left id → right id of the same person, for every left person who is in the right list
 */
public record GeneratedLists(List<PersonRecord> left, List<PersonRecord> right, Map<String, String> truth) {
}
