package org.parley.access;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for table {@code api_token}; tokens are looked up by their SHA-256 only. */
@Repository
class TokenRepository {

    private static final String SELECT = "select t.*, u.username from api_token t join app_user u on u.id = t.user_id ";

    private final JdbcClient jdbc;

    TokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long userId, byte[] hash, String name, Instant expiresAt) {
        return jdbc.sql("insert into api_token (user_id, token_hash, name, expires_at) values (:user, :hash, :name, "
                        + ":expires) returning id")
                .param("user", userId).param("hash", hash).param("name", name)
                .param("expires", Timestamp.from(expiresAt)).query(Long.class).single();
    }

    /**
     * The user of an active token (not revoked, not expired), read by {@code user} from their {@code app_user} row in
     * the same statement (one round trip for every API call), marking the token used. The mark is written at most
     * once a minute per token: writing it on every request made each API call a write transaction (a WAL flush), and
     * concurrent calls with one token queued on its row lock.
     */
    <T> Optional<T> use(byte[] hash, RowMapper<T> user) {
        return jdbc.sql("with t as (select id, user_id, last_used_at from api_token where token_hash = :hash "
                        + "and revoked_at is null and expires_at > now()), "
                        + "touched as (update api_token a set last_used_at = now() from t where a.id = t.id "
                        + "and (t.last_used_at is null or t.last_used_at < now() - interval '1 minute')) "
                        + "select u.* from t join app_user u on u.id = t.user_id")
                .param("hash", hash).query(user).optional();
    }

    Optional<ApiToken> find(long id) {
        return jdbc.sql(SELECT + "where t.id = :id").param("id", id).query(this::map).optional();
    }

    Optional<String> organisationOfOwner(long id) {
        return jdbc.sql("select u.organisation_code from api_token t join app_user u on u.id = t.user_id "
                        + "where t.id = :id").param("id", id).query(String.class).optional();
    }

    long ownerOf(long id) {
        return jdbc.sql("select user_id from api_token where id = :id").param("id", id).query(Long.class).single();
    }

    /** Tokens of one user, or (user null) of every user of an organisation, or (both null) of everyone. */
    List<ApiToken> list(Long userId, String organisation) {
        return jdbc.sql(SELECT + "where (:user::bigint is null or t.user_id = :user) and (:organisation::text is null "
                        + "or u.organisation_code = :organisation) order by t.created_at desc, t.id desc")
                .param("user", userId).param("organisation", organisation).query(this::map).list();
    }

    void revoke(long id) {
        jdbc.sql("update api_token set revoked_at = now() where id = :id and revoked_at is null").param("id", id)
                .update();
    }

    void revokeAllOf(long userId) {
        jdbc.sql("update api_token set revoked_at = now() where user_id = :user and revoked_at is null")
                .param("user", userId).update();
    }

    private ApiToken map(ResultSet rs, int row) throws SQLException {
        return new ApiToken(rs.getLong("id"), rs.getString("username"), rs.getString("name"),
                instant(rs, "created_at"), instant(rs, "expires_at"), instant(rs, "revoked_at"),
                instant(rs, "last_used_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
