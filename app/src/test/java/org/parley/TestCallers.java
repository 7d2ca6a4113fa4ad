package org.parley;

import org.parley.access.User;
import org.parley.access.UserService;
import org.parley.api.Caller;

/** The caller of a demo user, for tests that call services directly rather than through HTTP. */
public final class TestCallers {

    private TestCallers() {
    }

    public static Caller of(UserService users, String username) {
        User user = users.list(UserService.OPERATOR).stream().filter(u -> u.username().equals(username)).findFirst()
                .orElseThrow(() -> new AssertionError("no demo user " + username));
        return new Caller(user.id(), user.username(), user.organisation(), user.intermediary(), user.roles());
    }
}
