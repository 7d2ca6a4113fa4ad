package org.parley.names;

import java.util.Map;

/**
 * The result of comparing two persons: the level reached in each field, the summed weight and the match
 * probability it gives under the scorer's prior.
 *
 * @param probability the match probability, 0 to 1
 * @param weight the sum of the levels' log-likelihood ratios
 * @param levels the level of every field
 * @param swapped whether the names agreed best with surname and given name of one side swapped
 */
public record Score(double probability, double weight, Map<Field, Level> levels, boolean swapped) {
}
