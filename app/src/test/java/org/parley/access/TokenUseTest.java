package org.parley.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import org.junit.jupiter.api.Test;
import org.parley.ApiClient;
import org.parley.ParleyTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A token's last use is recorded to the minute, so that API calls do not write on every request. */
@ParleyTest
class TokenUseTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aTokensUseIsMarkedAtMostOnceAMinute() {
        ApiClient anonymous = new ApiClient(port);
        String token = anonymous.post("/api/v1/auth/token",
                "{\"username\": \"viewer@party-a\", \"password\": \"parley-demo\"}").json().get("token").stringValue();
        byte[] hash = TokenService.hash(token);
        ApiClient viewer = anonymous.withToken(token);

        assertThat(viewer.get("/api/v1/organisations").status()).isEqualTo(200);
        Timestamp first = lastUsed(hash);
        assertThat(first).as("marked at its first use").isNotNull();

        assertThat(viewer.get("/api/v1/organisations").status()).isEqualTo(200);
        assertThat(lastUsed(hash)).as("not written again within the minute").isEqualTo(first);

        jdbc.sql("update api_token set last_used_at = last_used_at - interval '2 minutes' where token_hash = :hash")
                .param("hash", hash).update();
        Timestamp moved = lastUsed(hash);
        assertThat(viewer.get("/api/v1/organisations").status()).isEqualTo(200);
        assertThat(lastUsed(hash)).as("marked again after a minute").isAfter(moved);

        jdbc.sql("update api_token set revoked_at = now() where token_hash = :hash").param("hash", hash).update();
        assertThat(viewer.get("/api/v1/organisations").status()).as("revoked: refused at once").isEqualTo(401);
    }

    private Timestamp lastUsed(byte[] hash) {
        return jdbc.sql("select last_used_at from api_token where token_hash = :hash").param("hash", hash)
                .query(Timestamp.class).single();
    }
}
