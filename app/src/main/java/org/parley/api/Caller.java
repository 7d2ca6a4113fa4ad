package org.parley.api;

import java.io.Serializable;
import java.util.Set;

/**
 * Who is making a request: the user, their organisation (null for the instance administrator, who belongs to no
 * organisation and sees no records), whether that organisation is an intermediary, and their roles. Every
 * feature decides visibility and permissions from this alone.
 */
public record Caller(long userId, String username, String organisation, boolean intermediary, Set<Role> roles)
        implements Serializable {

    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Whether any of the caller's roles may read person records. */
    public boolean readsRecords() {
        return organisation != null && roles.stream().anyMatch(Role::readsRecords);
    }

    /** A party (not an intermediary, not the instance administrator). */
    public boolean isParty() {
        return organisation != null && !intermediary;
    }
}
