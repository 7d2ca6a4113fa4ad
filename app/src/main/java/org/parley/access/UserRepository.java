package org.parley.access;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import org.parley.api.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for table {@code app_user}. */
@Repository
class UserRepository {

    private final JdbcClient jdbc;
    private final OrganisationKinds organisations;

    UserRepository(JdbcClient jdbc, OrganisationKinds organisations) {
        this.jdbc = jdbc;
        this.organisations = organisations;
    }

    long insert(String username, String organisation, Set<Role> roles, String passwordHash,
            boolean mustChangePassword) {
        return jdbc.sql("insert into app_user (username, organisation_code, roles, password_hash, "
                        + "must_change_password) values (:username, :organisation, :roles, :hash, :mustChange) "
                        + "returning id")
                .param("username", username).param("organisation", organisation)
                .param("roles", roles.stream().map(Role::name).sorted().toArray(String[]::new))
                .param("hash", passwordHash).param("mustChange", mustChangePassword)
                .query(Long.class).single();
    }

    Optional<User> find(String username) {
        return jdbc.sql("select * from app_user where username = :username").param("username", username)
                .query(this::map).optional();
    }

    Optional<User> find(long id) {
        return jdbc.sql("select * from app_user where id = :id").param("id", id).query(this::map).optional();
    }

    Optional<String> passwordHash(long id) {
        return jdbc.sql("select password_hash from app_user where id = :id").param("id", id)
                .query(String.class).optional();
    }

    /** All users, or those of one organisation. */
    List<User> list(String organisation) {
        return jdbc.sql("select * from app_user where (:organisation::text is null or organisation_code = "
                        + ":organisation) order by organisation_code nulls first, username")
                .param("organisation", organisation).query(this::map).list();
    }

    /** Every user with its password hash (for the audit verifier, which checks both against the log). */
    void forEachWithPasswordHash(BiConsumer<User, String> visitor) {
        jdbc.sql("select * from app_user").query(rs -> {
            visitor.accept(map(rs, 0), rs.getString("password_hash"));
        });
    }

    boolean any() {
        return jdbc.sql("select exists (select 1 from app_user)").query(Boolean.class).single();
    }

    void setPassword(long id, String hash, boolean mustChange) {
        jdbc.sql("update app_user set password_hash = :hash, must_change_password = :mustChange, failed_logins = 0, "
                        + "locked_until = null, password_changed_at = now() where id = :id")
                .param("hash", hash).param("mustChange", mustChange).param("id", id).update();
    }

    void setEnabled(long id, boolean enabled) {
        jdbc.sql("update app_user set enabled = :enabled where id = :id").param("enabled", enabled).param("id", id)
                .update();
    }

    /** Failed logins in a row, and until when the account is locked (null: not locked). */
    record Failures(int count, Instant lockedUntil) {
    }

    /** Counts a failed login and, from the fifth in a row, locks the account for a time that doubles each time. */
    Failures recordFailure(long id, int lockAfter, long baseLockSeconds, long maxLockSeconds) {
        return jdbc.sql("update app_user set failed_logins = failed_logins + 1, locked_until = case "
                        + "when failed_logins + 1 >= :lockAfter then now() + make_interval(secs => least(:max, "
                        + ":base * power(2, failed_logins + 1 - :lockAfter))) else locked_until end where id = :id "
                        + "returning failed_logins, locked_until")
                .param("lockAfter", lockAfter).param("base", baseLockSeconds).param("max", maxLockSeconds)
                .param("id", id).query((rs, row) -> {
                    java.sql.Timestamp locked = rs.getTimestamp("locked_until");
                    return new Failures(rs.getInt("failed_logins"), locked == null ? null : locked.toInstant());
                }).single();
    }

    void recordSuccess(long id) {
        jdbc.sql("update app_user set failed_logins = 0, locked_until = null where id = :id and failed_logins > 0")
                .param("id", id).update();
    }

    User map(ResultSet rs, int row) throws SQLException {
        Set<Role> roles = Arrays.stream((String[]) rs.getArray("roles").getArray()).map(Role::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
        String organisation = rs.getString("organisation_code");
        java.sql.Timestamp locked = rs.getTimestamp("locked_until");
        return new User(rs.getLong("id"), rs.getString("username"), organisation,
                organisation != null && organisations.isIntermediary(organisation), roles,
                rs.getBoolean("must_change_password"), rs.getBoolean("enabled"), rs.getInt("failed_logins"),
                locked == null ? null : locked.toInstant(), rs.getTimestamp("created_at").toInstant());
    }
}
