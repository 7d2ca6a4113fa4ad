package org.parley;

import org.parley.access.UserService;
import org.parley.api.Caller;

/** The caller of a demo user, for tests that call services directly rather than through HTTP. */
public final class TestCallers {

    private TestCallers() {
    }

    public static Caller of(UserService users, String username) {
        return users.callerOf(username);
    }
}
