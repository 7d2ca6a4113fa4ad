package org.parley.access;

import java.util.Set;
import org.parley.api.Role;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * On the first start of {@code serve} (no user at all), creates the instance administrator {@code admin} with
 * a one-time password, printed once on standard output, to be changed at the first login.
 */
@Component
@ConditionalOnProperty(name = "parley.bootstrap-admin", havingValue = "true")
class AdminBootstrap implements ApplicationRunner {

    static final String ADMIN = "admin";

    private final UserService users;

    AdminBootstrap(UserService users) {
        this.users = users;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (users.anyUsers()) {
            return;
        }
        UserService.NewUser admin = users.create(UserService.OPERATOR, ADMIN, null, Set.of(Role.ADMIN));
        System.out.println("Created the instance administrator '" + ADMIN + "' with the one-time password "
                + admin.oneTimePassword() + " — log in and choose your own password now.");
    }
}
