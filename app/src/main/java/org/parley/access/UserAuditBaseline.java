package org.parley.access;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** On every start: users stored before user administration was audited get their one baseline entry. */
@Component
class UserAuditBaseline implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(UserAuditBaseline.class);

    private final UserService users;

    UserAuditBaseline(UserService users) {
        this.users = users;
    }

    @Override
    public void run(ApplicationArguments args) {
        int recorded = users.recordUsersNeverAudited();
        if (recorded > 0) {
            LOG.info("Recorded {} users in the audit log as they are now (stored before user administration was "
                    + "audited)", recorded);
        }
    }
}
