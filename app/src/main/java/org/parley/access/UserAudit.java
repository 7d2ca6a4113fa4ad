package org.parley.access;

import java.util.HexFormat;
import java.util.List;
import org.parley.api.AuditedRecords;
import org.parley.api.CanonicalJson;
import org.parley.api.Caller;
import org.parley.api.Role;
import org.parley.audit.AuditLog;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * User administration in the audit log: each change of a user (created, disabled, enabled, password reset or
 * changed) is an entry in the change's transaction, with the user's state after it. Users keep no history of
 * states; the verifier checks each user as stored now against the state of its latest entry, so that an account
 * added, given other roles, enabled or given another password in the database shows up.
 */
@Component
class UserAudit implements AuditedRecords {

    static final String CREATE = "USER_CREATE";
    static final String DISABLE = "USER_DISABLE";
    static final String ENABLE = "USER_ENABLE";
    static final String RESET_PASSWORD = "USER_RESET_PASSWORD";
    static final String CHANGE_PASSWORD = "USER_CHANGE_PASSWORD";
    /** A user stored before user administration was audited, as it was when that began. */
    static final String BASELINE = "USER_BASELINE";

    private final AuditLog audit;
    private final UserRepository users;

    UserAudit(AuditLog audit, UserRepository users) {
        this.audit = audit;
        this.users = users;
    }

    void changed(Caller who, String action, User user) {
        audit.append(who, new AuditLog.Change(action, UserService.RECORD, user.username(), null,
                state(user, users.passwordHash(user.id()).orElseThrow())));
    }

    /** Whether the log has ever recorded a user's creation or baseline. */
    boolean everRecorded() {
        return audit.hasEntry(UserService.RECORD, List.of(CREATE, BASELINE));
    }

    /**
     * The user's state: who it is, its organisation, roles and standing, and the SHA-256 of its password hash —
     * never the password or the hash itself. That digest reveals nothing of the password (the hash it is taken of
     * has a random salt) but changes with every password set.
     */
    static String state(User user, String passwordHash) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("username", user.username());
        node.put("organisation", user.organisation());
        user.roles().stream().map(Role::name).sorted().forEach(node.putArray("roles")::add);
        node.put("enabled", user.enabled());
        node.put("mustChangePassword", user.mustChangePassword());
        node.put("passwordHashDigest", HexFormat.of().formatHex(AuditLog.stateHash(passwordHash)));
        return CanonicalJson.write(node);
    }

    @Override
    public String recordType() {
        return UserService.RECORD;
    }

    @Override
    public List<StateScan> stateScans() {
        return List.of(StateScan.small(Kind.CURRENT, visitor -> users.forEachWithPasswordHash((user, hash) ->
                visitor.state(user.username(), LATEST, AuditLog.stateHash(state(user, hash))))));
    }
}
