package org.parley.tracing;

/** Who asked: a relative's name, how they are related, how to reach them (never shown to the detaining power). */
public record Requester(String name, String relationship, String contact) {
}
