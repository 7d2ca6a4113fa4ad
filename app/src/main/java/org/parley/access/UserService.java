package org.parley.access;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.parley.api.Caller;
import org.parley.api.FieldError;
import org.parley.api.ForbiddenException;
import org.parley.api.InvalidInputException;
import org.parley.api.NotFoundException;
import org.parley.api.Role;
import org.parley.database.TransactionLocks;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users and their passwords. The instance administrator (an ADMIN without organisation) manages every user; an
 * organisation's ADMIN manages the users of that organisation only. New and reset passwords are one-time
 * passwords that must be changed at the first login.
 * <p>
 * A user's name carries their organisation: {@code name@ORG}, ORG being the organisation's code (required, never
 * added silently); instance administrators have a plain name. So an organisation's administrator can only ever
 * name users of their own organisation: a name of another one is refused by that rule before anyone looks it up,
 * and "already taken" is only ever said of one's own organisation's names. A user of another organisation is
 * managed exactly like a missing one (404).
 */
@Service
public class UserService {

    /** The command line runs with the rights of the instance administrator: whoever has the machine has the data. */
    public static final Caller OPERATOR = new Caller(0, "operator", null, false, Set.of(Role.ADMIN));
    static final String RECORD = "user";
    /** {@code name@ORG}, or a plain name for an instance administrator. */
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]*(@[a-z0-9][a-z0-9-]*)?");
    private static final int MIN_USERNAME = 2;
    private static final int MAX_USERNAME = 64;
    private static final String ONE_TIME_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final UserRepository users;
    private final TokenRepository tokens;
    private final PasswordEncoder encoder;
    private final PasswordPolicy policy;
    private final OrganisationKinds organisations;
    private final UserAudit audit;
    private final TransactionLocks locks;

    UserService(UserRepository users, TokenRepository tokens, PasswordEncoder encoder, PasswordPolicy policy,
            OrganisationKinds organisations, UserAudit audit, TransactionLocks locks) {
        this.audit = audit;
        this.locks = locks;
        this.users = users;
        this.tokens = tokens;
        this.encoder = encoder;
        this.policy = policy;
        this.organisations = organisations;
    }

    /** A new user and the one-time password to hand over; it must be changed at the first login. */
    public record NewUser(User user, String oneTimePassword) {
    }

    /**
     * @param username     {@code name@ORG}, or a plain name for an instance administrator
     * @param organisation the organisation's code; null to take it from the username
     */
    @Transactional
    public NewUser create(Caller admin, String username, String organisation, Set<Role> roles) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        String code = checkNewUser(admin, name, organisation, roles);
        String password = oneTimePassword();
        long id = users.insert(name, code, roles, encoder.encode(password), true);
        User created = users.find(id).orElseThrow();
        audit.changed(admin, UserAudit.CREATE, created);
        return new NewUser(created, password);
    }

    /**
     * Demo users (name → roles; the organisation is what follows the name's "@", none without one), for demo worlds
     * only: all with one password known in advance, to which the password policy does not apply and which need not be
     * changed, hashed once (each Argon2 hash takes a noticeable time by design, and a demo's password is printed
     * anyway).
     */
    @Transactional
    public void createDemoUsers(Map<String, Set<Role>> demoUsers, String password) {
        String hash = encoder.encode(password);
        demoUsers.forEach((name, roles) -> {
            String code = checkNewUser(OPERATOR, name, name.contains("@") ? name.substring(name.indexOf('@') + 1)
                    : null, roles);
            long id = users.insert(name, code, roles, hash, false);
            audit.changed(OPERATOR, UserAudit.CREATE, users.find(id).orElseThrow());
        });
    }

    /**
     * Users stored by a version that did not audit user administration have no entry: the first start after the
     * upgrade (no user creation in the log at all, but users) records each user's state as it is then, once.
     * Afterwards a user without an entry is one added without it, which verification names.
     */
    @Transactional
    public int recordUsersNeverAudited() {
        locks.lock("user-baseline"); // two instances starting at once record the baseline once
        if (!users.any() || audit.everRecorded()) {
            return 0;
        }
        List<User> all = users.list(null);
        all.forEach(user -> audit.changed(OPERATOR, UserAudit.BASELINE, user));
        return all.size();
    }

    public boolean anyUsers() {
        return users.any();
    }

    public List<User> list(Caller admin) {
        requireAdmin(admin);
        return users.list(admin.organisation());
    }

    /** Disables a user and revokes their tokens; their sessions end at their next request. */
    @Transactional
    public User disable(Caller admin, String username) {
        User user = managed(admin, username);
        if (user.id() == admin.userId()) {
            throw new InvalidInputException("username", "you cannot disable yourself");
        }
        users.setEnabled(user.id(), false);
        tokens.revokeAllOf(user.id());
        return changed(admin, UserAudit.DISABLE, user);
    }

    @Transactional
    public User enable(Caller admin, String username) {
        User user = managed(admin, username);
        users.setEnabled(user.id(), true);
        return changed(admin, UserAudit.ENABLE, user);
    }

    /** A new one-time password; the old one and every token of the user stop working. */
    @Transactional
    public String resetPassword(Caller admin, String username) {
        User user = managed(admin, username);
        String password = oneTimePassword();
        users.setPassword(user.id(), encoder.encode(password), true);
        tokens.revokeAllOf(user.id());
        changed(admin, UserAudit.RESET_PASSWORD, user);
        return password;
    }

    /** The user's own change of password: the current one, and a new one the policy accepts. */
    @Transactional
    public void changePassword(Caller caller, String currentPassword, String newPassword) {
        User user = users.find(caller.userId()).orElseThrow(() -> NotFoundException.missing(RECORD, caller.userId()));
        List<FieldError> errors = new ArrayList<>();
        if (currentPassword == null || !encoder.matches(currentPassword, users.passwordHash(user.id()).orElseThrow())) {
            errors.add(new FieldError("currentPassword", "is not your current password"));
        }
        policy.problems(newPassword, user.username()).forEach(p -> errors.add(new FieldError("newPassword", p)));
        if (newPassword != null && newPassword.equals(currentPassword)) {
            errors.add(new FieldError("newPassword", "is the same as the current one"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        users.setPassword(user.id(), encoder.encode(newPassword), false);
        changed(caller, UserAudit.CHANGE_PASSWORD, user);
    }

    /** The user as stored after a change, which the audit log records. */
    private User changed(Caller who, String action, User before) {
        User after = users.find(before.id()).orElseThrow();
        audit.changed(who, action, after);
        return after;
    }

    /** The caller a known, enabled user is, for work done on their behalf without a login (the demo world). */
    public Caller callerOf(String username) {
        return users.find(username).filter(User::enabled).map(User::caller).orElseThrow(() -> NotFoundException.missing(RECORD, username));
    }

    /** Whether the user behind a session is still allowed in, and must still change their password. */
    public java.util.Optional<User> current(Caller caller) {
        return users.find(caller.userId()).filter(User::enabled);
    }

    /**
     * Checks a new user against the rules, in an order that tells an organisation's administrator nothing about
     * other organisations' users: whether a name is taken is only looked up within the caller's own organisation.
     *
     * @return the user's organisation (null: an instance administrator)
     */
    private String checkNewUser(Caller admin, String username, String organisation, Set<Role> roles) {
        requireAdmin(admin);
        int at = username.indexOf('@');
        String code = organisation != null ? organisation : at < 0 ? null : username.substring(at + 1);
        // an organisation's administrator gives a plain name: theirs is the only suffix it could have had
        String expectedSuffix = code != null ? code : admin.organisation();
        List<FieldError> errors = new ArrayList<>();
        if (username.length() < MIN_USERNAME || username.length() > MAX_USERNAME
                || !USERNAME.matcher(username).matches()) {
            errors.add(new FieldError("username", "must be name@ORGANISATION (an instance administrator: a plain "
                    + "name), 2–64 characters; the name of lower-case letters, digits and . _ -"));
        } else if (expectedSuffix != null && !username.endsWith("@" + expectedSuffix)) {
            errors.add(new FieldError("username", "must end with '@" + expectedSuffix + "', the code of the user's "
                    + "organisation"));
        }
        if (roles == null || roles.isEmpty()) {
            errors.add(new FieldError("roles", "at least one role is required"));
        }
        if (code == null) {
            if (admin.organisation() == null && roles != null && !roles.equals(Set.of(Role.ADMIN))) {
                errors.add(new FieldError("roles", "a user without organisation (a plain name) can only be an "
                        + "instance ADMIN"));
            }
        } else if (!organisations.exists(code)) {
            errors.add(new FieldError("organisation", "'" + code + "' is not a known organisation"));
        } else if (roles != null && roles.contains(Role.INTERVIEWER) && !organisations.isIntermediary(code)) {
            errors.add(new FieldError("roles", "INTERVIEWER is a role of intermediaries only"));
        }
        boolean ownOrganisation = admin.organisation() == null || admin.organisation().equals(code);
        if (errors.isEmpty() && ownOrganisation && users.find(username).isPresent()) {
            errors.add(new FieldError("username", "'" + username + "' is already taken"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (!ownOrganisation) {
            throw new ForbiddenException("an organisation's administrator creates users of that organisation only: "
                    + "name@" + admin.organisation(), RECORD, username);
        }
        return code;
    }

    /** A user the administrator manages, before a change is confirmed: any other is not found, as by the change. */
    public User managedBy(Caller admin, String username) {
        return managed(admin, username);
    }

    private User managed(Caller admin, String username) {
        requireAdmin(admin);
        User user = users.find(username == null ? "" : username.strip().toLowerCase(Locale.ROOT))
                .orElseThrow(() -> NotFoundException.missing(RECORD, username));
        if (admin.organisation() != null && !admin.organisation().equals(user.organisation())) {
            throw NotFoundException.hidden(RECORD, username);
        }
        return user;
    }

    private static void requireAdmin(Caller caller) {
        if (!caller.has(Role.ADMIN)) {
            throw new ForbiddenException("only administrators manage users", RECORD, null);
        }
    }

    private static String oneTimePassword() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            if (i > 0 && i % 5 == 0) {
                password.append('-');
            }
            password.append(ONE_TIME_ALPHABET.charAt(RANDOM.nextInt(ONE_TIME_ALPHABET.length())));
        }
        return password.toString();
    }
}
