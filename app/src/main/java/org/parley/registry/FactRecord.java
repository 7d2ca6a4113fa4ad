package org.parley.registry;

/**
 * Where one fact of a record comes from, how sure it is, and whether the person gave it voluntarily (GC III
 * Art. 17: beyond name, rank, date of birth and service number, nothing is owed, and more may endanger family).
 */
public record FactRecord(FactSource source, Confidence confidence, Boolean voluntary) {
}
