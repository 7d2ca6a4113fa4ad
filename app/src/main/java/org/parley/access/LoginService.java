package org.parley.access;

import java.time.Instant;
import java.util.Optional;
import org.parley.api.Caller;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks a username and password, for the login form and the token endpoint alike. After
 * {@value #LOCK_AFTER} failures in a row the account locks for {@value #BASE_LOCK_SECONDS} s, doubling with
 * every further failure up to an hour; while locked even the right password is refused. Unknown usernames cost
 * the same hashing time as known ones. Every failure is counted per client address and minute
 * ({@link RefusalCounts}); every lockout is an audit entry of its own ({@link LockoutLog}).
 */
@Service
public class LoginService {

    static final int LOCK_AFTER = 5;
    static final long BASE_LOCK_SECONDS = 60;
    static final long MAX_LOCK_SECONDS = 3600;

    private final UserRepository users;
    private final PasswordEncoder encoder;
    private final RefusalCounts failures;
    private final LockoutLog lockouts;
    private final ClientAddress clients;
    /** Hashed once, so that a login for an unknown user spends the same time as a real check. */
    private final String dummyHash;

    LoginService(UserRepository users, PasswordEncoder encoder, RefusalCounts failures, LockoutLog lockouts,
            ClientAddress clients) {
        this.users = users;
        this.encoder = encoder;
        this.failures = failures;
        this.lockouts = lockouts;
        this.clients = clients;
        this.dummyHash = encoder.encode("no such user: constant-time refusal");
    }

    /**
     * @return the authenticated caller, with whether they must change their password first
     * @throws LoginFailedException with one message whatever went wrong
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW, noRollbackFor = LoginFailedException.class)
    public Login login(String username, String password) {
        String typed = username == null ? "" : username.strip().toLowerCase();
        Optional<User> found = username == null ? Optional.empty() : users.find(typed);
        if (found.isEmpty() || password == null) {
            encoder.matches(password == null ? "" : password, dummyHash);
            throw failed(typed);
        }
        User user = found.get();
        boolean locked = user.lockedUntil() != null && user.lockedUntil().isAfter(Instant.now());
        boolean matches = encoder.matches(password, users.passwordHash(user.id()).orElse(dummyHash));
        if (locked || !user.enabled()) {
            throw failed(typed);
        }
        if (!matches) {
            UserRepository.Failures inARow = users.recordFailure(user.id(), LOCK_AFTER, BASE_LOCK_SECONDS,
                    MAX_LOCK_SECONDS);
            if (inARow.count() >= LOCK_AFTER) {
                lockouts.locked(user, inARow.lockedUntil(), inARow.count(), clients.current());
            }
            throw failed(typed);
        }
        users.recordSuccess(user.id());
        return new Login(user.caller(), user.mustChangePassword());
    }

    private LoginFailedException failed(String typedUsername) {
        failures.failedLogin(typedUsername);
        return new LoginFailedException();
    }

    /** A successful login. */
    public record Login(Caller caller, boolean mustChangePassword) {
    }
}
