package org.parley.exchange;

/** Where a round stands: lists change only while it is {@link #NEGOTIATING}. */
public enum RoundState {
    NEGOTIATING, AGREED, EXECUTED, ABANDONED
}
