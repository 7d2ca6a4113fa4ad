package org.parley.interchange;

import java.time.Instant;

/** A bundle this instance accepted: who sent it to whom, its place in their chain, and what it merged. */
public record BundleReceipt(String sender, String receiver, int sequence, String hash, Instant createdAt,
        Instant receivedAt, String receivedBy, int persons, int created, int updated, int events, long treeSize) {
}
