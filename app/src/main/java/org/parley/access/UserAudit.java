package org.parley.access;

import org.parley.api.CanonicalJson;
import org.parley.api.Caller;
import org.parley.api.Role;
import org.parley.audit.AuditLog;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * User administration in the audit log: each change of a user (created, disabled, enabled, password reset or
 * changed) is an entry in the change's transaction, with the user's state after it — never a password or its
 * hash. Users keep no history of states, so the verifier checks these entries as part of the tree only.
 */
@Component
class UserAudit {

    static final String CREATE = "USER_CREATE";
    static final String DISABLE = "USER_DISABLE";
    static final String ENABLE = "USER_ENABLE";
    static final String RESET_PASSWORD = "USER_RESET_PASSWORD";
    static final String CHANGE_PASSWORD = "USER_CHANGE_PASSWORD";

    private final AuditLog audit;

    UserAudit(AuditLog audit) {
        this.audit = audit;
    }

    void changed(Caller who, String action, User user) {
        audit.append(who, new AuditLog.Change(action, UserService.RECORD, user.username(), null, state(user)));
    }

    static String state(User user) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("username", user.username());
        node.put("organisation", user.organisation());
        user.roles().stream().map(Role::name).sorted().forEach(node.putArray("roles")::add);
        node.put("enabled", user.enabled());
        node.put("mustChangePassword", user.mustChangePassword());
        return CanonicalJson.write(node);
    }
}
