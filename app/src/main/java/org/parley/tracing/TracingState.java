package org.parley.tracing;

/** Where a tracing request stands: searched for while OPEN; ANSWERED and CLOSED end the standing search. */
public enum TracingState {
    OPEN, ANSWERED, CLOSED
}
