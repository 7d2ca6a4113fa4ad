package org.parley.access;

import java.util.Set;
import org.parley.api.Role;
import org.parley.database.TransactionLocks;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On the first start of {@code serve} (no user at all), creates the instance administrator {@code admin} with
 * a one-time password, printed once on standard output, to be changed at the first login.
 */
@Component
@ConditionalOnProperty(name = "parley.bootstrap-admin", havingValue = "true")
class AdminBootstrap implements ApplicationRunner {

    static final String ADMIN = "admin";

    private final UserService users;
    private final TransactionTemplate transaction;
    private final TransactionLocks locks;

    AdminBootstrap(UserService users, TransactionTemplate transaction, TransactionLocks locks) {
        this.users = users;
        this.transaction = transaction;
        this.locks = locks;
    }

    @Override
    public void run(ApplicationArguments args) {
        // under a lock: of two instances starting at once on one new database, only one creates the administrator
        UserService.NewUser admin = transaction.execute(status -> {
            locks.lock("bootstrap-admin");
            return users.anyUsers() ? null : users.create(UserService.OPERATOR, ADMIN, null, Set.of(Role.ADMIN));
        });
        if (admin == null) {
            return;
        }
        System.out.println("Created the instance administrator '" + ADMIN + "' with the one-time password "
                + admin.oneTimePassword() + " — log in and choose your own password now.");
    }
}
