package org.parley.access;

import java.time.Instant;

/** An API token as listed: never the token itself, which is shown once when it is issued. */
public record ApiToken(long id, String username, String name, Instant createdAt, Instant expiresAt,
        Instant revokedAt, Instant lastUsedAt) {

    public boolean active() {
        return revokedAt == null && expiresAt.isAfter(Instant.now());
    }
}
