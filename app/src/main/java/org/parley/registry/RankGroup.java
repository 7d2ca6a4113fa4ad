package org.parley.registry;

/** Officers, non-commissioned officers and enlisted ranks: GC III treats them differently (Art. 39–45, 49). */
public enum RankGroup {
    OFFICER, NCO, ENLISTED
}
