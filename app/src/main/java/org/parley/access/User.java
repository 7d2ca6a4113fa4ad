package org.parley.access;

import java.time.Instant;
import java.util.Set;
import org.parley.api.Caller;
import org.parley.api.Role;

/** A person who logs in: one organisation (none for the instance administrator), one or more roles. */
public record User(long id, String username, String organisation, boolean intermediary, Set<Role> roles,
        boolean mustChangePassword, boolean enabled, int failedLogins, Instant lockedUntil, Instant createdAt) {

    public User {
        roles = Set.copyOf(roles);
    }

    Caller caller() {
        return new Caller(id, username, organisation, intermediary, roles);
    }
}
