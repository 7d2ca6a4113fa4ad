package org.parley.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.ApiClient;
import org.parley.ApiClient.Response;
import org.parley.ParleyTest;
import org.parley.audit.AuditLog;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** What the other party, a thief of a token, or a password guesser tries — and must not achieve. */
@ParleyTest
class AccessAttacksTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient anonymous;
    ApiClient registrarA;

    @BeforeEach
    void clients() {
        anonymous = new ApiClient(port);
        registrarA = anonymous.as("registrar@party-a");
    }

    private static String unique(String prefix) {
        StringBuilder name = new StringBuilder(prefix);
        UUID.randomUUID().toString().replace("-", "").chars().limit(8)
                .forEach(c -> name.append((char) ('а' + Character.digit(c, 16))));
        return name.toString();
    }

    private String register(String surname, boolean notified) {
        Response created = registrarA.post("/api/v1/persons", """
                {"surname": "%s", "holdingParty": "party-a", "powerOfOrigin": "party-b", "captureDate": "2024-03-01",
                 "capturePlace": "Point 7", "healthNotes": "shrapnel, left arm",
                 "sources": {"surname": {"source": "CAPTURE_CARD"}}}""".formatted(surname));
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").stringValue();
        if (notified) {
            assertThat(registrarA.post("/api/v1/persons/" + id + "/events",
                    "{\"type\": \"NOTIFIED\", \"occurredOn\": \"2024-03-03\", \"note\": \"via hotline\"}").status())
                    .isEqualTo(201);
        }
        return id;
    }

    @Autowired
    org.springframework.context.ApplicationContext context;

    @Test
    void thereIsNoOtherWayInThanParleysOwnUsers() {
        assertThat(context.getBeansOfType(org.springframework.security.core.userdetails.UserDetailsService.class))
                .as("no in-memory default user with a generated password").isEmpty();
        assertThat(new ApiClient(port).post("/api/v1/auth/token", "{\"username\": \"user\", \"password\": \"user\"}")
                .status()).isEqualTo(401);
    }

    @Test
    void theOtherPartyCannotFindAnUnnotifiedDetaineeBySearchFilterOrCount() {
        String surname = unique("Прихов");
        String hidden = register(surname, false);
        ApiClient viewerB = anonymous.as("viewer@party-b");
        ApiClient intermediary = anonymous.as("viewer@intermediary");
        for (ApiClient other : new ApiClient[] {viewerB, intermediary}) {
            Response search = other.get("/api/v1/persons?q=" + ApiClient.encode(surname));
            assertThat(search.json().get("total").asLong()).isZero();
            assertThat(search.json().get("items")).isEmpty();
            Response byFilter = other.get("/api/v1/persons?holdingParty=party-a&size=200&q=" + ApiClient.encode("Прихов"));
            byFilter.json().get("items").forEach(p -> assertThat(p.get("id").stringValue()).isNotEqualTo(hidden));
            Response byId = other.get("/api/v1/persons/" + hidden);
            Response missing = other.get("/api/v1/persons/" + (hidden + 1_000_000));
            assertThat(byId.status()).isEqualTo(404);
            assertThat(byId.json().get("detail").stringValue().replace(String.valueOf(hidden), "N"))
                    .isEqualTo(missing.json().get("detail").stringValue().replace(String.valueOf(hidden + 1_000_000), "N"));
        }
        long before = viewerB.get("/api/v1/persons?holdingParty=party-a&size=1").json().get("total").asLong();
        register(unique("Прихов"), false);
        assertThat(viewerB.get("/api/v1/persons?holdingParty=party-a&size=1").json().get("total").asLong())
                .isEqualTo(before);
        register(unique("Прихов"), true);
        assertThat(viewerB.get("/api/v1/persons?holdingParty=party-a&size=1").json().get("total").asLong())
                .isEqualTo(before + 1);
    }

    @Test
    void thePowerOfOriginReadsItsNotifiedNationalWithoutWithheldFacts() {
        String id = register(unique("Повідом"), true);
        JsonNode seen = anonymous.as("viewer@party-b").get("/api/v1/persons/" + id).json();
        assertThat(seen.get("capturePlace").isNull()).isTrue();
        assertThat(seen.get("healthNotes").isNull()).isTrue();
        assertThat(seen.get("sources").isEmpty()).isTrue();
        assertThat(seen.get("withheld").toString()).contains("capturePlace", "healthNotes", "sources");
        JsonNode events = anonymous.as("viewer@party-b").get("/api/v1/persons/" + id + "/events").json();
        assertThat(events.get(1).get("note").isNull()).isTrue();
        assertThat(events.get(0).get("place").isNull()).isTrue();
        JsonNode holder = registrarA.get("/api/v1/persons/" + id).json();
        assertThat(holder.get("capturePlace").stringValue()).isEqualTo("Point 7");
        assertThat(holder.has("withheld")).isFalse();
        JsonNode intermediary = anonymous.as("viewer@intermediary").get("/api/v1/persons/" + id).json();
        assertThat(intermediary.get("healthNotes").stringValue()).isEqualTo("shrapnel, left arm");
    }

    @Test
    void forgedRevokedAndExpiredTokensChangeNothing() {
        String id = register(unique("Токен"), false);
        String patch = "{\"version\": 1, \"rank\": \"майор\"}";
        Response forged = anonymous.withToken("prl_" + "x".repeat(43)).patch("/api/v1/persons/" + id, patch);
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.json().get("detail").stringValue()).startsWith("The token is not valid");

        Response issued = anonymous.post("/api/v1/auth/token",
                "{\"username\": \"registrar@party-a\", \"password\": \"parley-demo\"}");
        String token = issued.json().get("token").stringValue();
        ApiClient holder = anonymous.withToken(token);
        assertThat(holder.get("/api/v1/persons/" + id).status()).isEqualTo(200);
        assertThat(holder.delete("/api/v1/auth/tokens/" + issued.json().get("id").stringValue()).status()).isEqualTo(200);
        assertThat(holder.patch("/api/v1/persons/" + id, patch).status()).isEqualTo(401);

        ApiClient expiring = anonymous.as("registrar@party-a");
        jdbc.sql("update api_token set expires_at = now() - interval '1 second' where id = (select max(id) from "
                + "api_token)").update();
        assertThat(expiring.patch("/api/v1/persons/" + id, patch).status()).isEqualTo(401);

        assertThat(registrarA.get("/api/v1/persons/" + id).json().get("rank").isNull()).isTrue();
        assertThat(jdbc.sql("select count(*) from api_token where token_hash = :hash").param("hash",
                TokenService.hash(token)).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from api_token where position('prl_'::bytea in token_hash) > 0")
                .query(Long.class).single()).isZero();
    }

    @Test
    void tokensAreRevokedOnlyByTheirOwnerOrTheirOrganisationsAdministrator() {
        Response issued = anonymous.post("/api/v1/auth/token",
                "{\"username\": \"viewer@party-a\", \"password\": \"parley-demo\", \"name\": \"laptop\"}");
        String tokenId = issued.json().get("id").stringValue();
        assertThat(tokenId).as("a token's id tells nothing of how many were issued")
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(anonymous.as("registrar@party-b").delete("/api/v1/auth/tokens/" + tokenId).status()).isEqualTo(404);
        assertThat(anonymous.as("admin@party-b").delete("/api/v1/auth/tokens/" + tokenId).status()).isEqualTo(404);
        assertThat(anonymous.as("registrar@party-a").delete("/api/v1/auth/tokens/" + tokenId).status()).isEqualTo(404);
        JsonNode listed = anonymous.as("admin@party-a").get("/api/v1/auth/tokens").json();
        assertThat(listed.toString()).contains("laptop");
        assertThat(anonymous.as("admin@party-b").get("/api/v1/auth/tokens").json().toString()).doesNotContain("laptop");
        Response revoked = anonymous.as("admin@party-a").delete("/api/v1/auth/tokens/" + tokenId);
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.json().get("revokedAt").isNull()).isFalse();
        assertThat(anonymous.withToken(issued.json().get("token").stringValue()).get("/api/v1/organisations").status())
                .isEqualTo(401);
    }

    @Test
    void repeatedFailuresLockTheAccountEvenAgainstTheRightPassword() {
        ApiClient admin = anonymous.as("admin@party-a");
        String username = "locked" + UUID.randomUUID().toString().substring(0, 6) + "@party-a";
        Response created = admin.post("/api/v1/users", """
                {"username": "%s", "organisation": "party-a", "roles": ["VIEWER"]}""".formatted(username));
        String oneTime = created.json().get("oneTimePassword").stringValue();
        String chosen = "quiet harbour lantern 7 violet";
        Response mustChange = anonymous.post("/api/v1/auth/token",
                "{\"username\": \"%s\", \"password\": \"%s\"}".formatted(username, oneTime));
        assertThat(mustChange.status()).isEqualTo(403);
        assertThat(mustChange.json().get("detail").stringValue()).startsWith("choose your own password first");
        assertThat(anonymous.post("/api/v1/auth/password", """
                {"username": "%s", "currentPassword": "%s", "newPassword": "%s"}""".formatted(username, oneTime,
                chosen)).status()).isEqualTo(200);
        String login = "{\"username\": \"%s\", \"password\": \"%s\"}";
        assertThat(anonymous.post("/api/v1/auth/token", login.formatted(username, chosen)).status()).isEqualTo(201);

        for (int i = 0; i < LoginService.LOCK_AFTER; i++) {
            Response wrong = anonymous.post("/api/v1/auth/token", login.formatted(username, "wrong guess " + i));
            assertThat(wrong.status()).isEqualTo(401);
            assertThat(wrong.json().get("detail").stringValue()).isEqualTo(LoginFailedException.MESSAGE);
        }
        Response right = anonymous.post("/api/v1/auth/token", login.formatted(username, chosen));
        assertThat(right.status()).isEqualTo(401);
        assertThat(right.json().get("detail").stringValue()).isEqualTo(LoginFailedException.MESSAGE);
        assertThat(jdbc.sql("select locked_until > now() + interval '50 seconds' from app_user where username = :u")
                .param("u", username).query(Boolean.class).single()).isTrue();

        jdbc.sql("update app_user set locked_until = now() - interval '1 second' where username = :u")
                .param("u", username).update();
        assertThat(anonymous.post("/api/v1/auth/token", login.formatted(username, "wrong again")).status())
                .isEqualTo(401);
        assertThat(jdbc.sql("select locked_until > now() + interval '110 seconds' from app_user where username = :u")
                .param("u", username).query(Boolean.class).single()).as("the lock doubles").isTrue();
        jdbc.sql("update app_user set locked_until = now() - interval '1 second' where username = :u")
                .param("u", username).update();
        assertThat(anonymous.post("/api/v1/auth/token", login.formatted(username, chosen)).status()).isEqualTo(201);
        assertThat(jdbc.sql("select failed_logins from app_user where username = :u").param("u", username)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void unknownUsersAndWrongPasswordsGetTheSameAnswer() {
        Response unknown = anonymous.post("/api/v1/auth/token", "{\"username\": \"nobody\", \"password\": \"x\"}");
        Response wrong = anonymous.post("/api/v1/auth/token",
                "{\"username\": \"viewer@party-b\", \"password\": \"not-the-password\"}");
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.body()).isEqualTo(wrong.body());
        jdbc.sql("update app_user set failed_logins = 0, locked_until = null where username = 'viewer@party-b'")
                .update();
    }

    @Test
    void aPasswordIsTakenExactlyAsTyped() {
        String username = "verbatim" + UUID.randomUUID().toString().substring(0, 6) + "@party-b";
        String oneTime = anonymous.as("admin").post("/api/v1/users", """
                {"username": "%s", "roles": ["VIEWER"]}""".formatted(username)).json().get("oneTimePassword")
                .stringValue();
        String chosen = "  amber\tthistle courier 42\u202e glacier ";
        ObjectNode change = JsonNodeFactory.instance.objectNode().put("username", username)
                .put("currentPassword", oneTime).put("newPassword", chosen);
        Response changed = anonymous.post("/api/v1/auth/password", change.toString());
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        ObjectNode login = JsonNodeFactory.instance.objectNode().put("username", username).put("password", chosen);
        assertThat(anonymous.post("/api/v1/auth/token", login.toString()).status()).isEqualTo(201);
        login.put("password", chosen.strip());
        assertThat(anonymous.post("/api/v1/auth/token", login.toString()).status())
                .as("the login form takes a password as typed, so the API does too").isEqualTo(401);
    }

    @Test
    void passwordsAreHashedWithArgon2idAtOwaspParametersAndChosenPasswordsAreChecked() {
        String hash = jdbc.sql("select password_hash from app_user where username = 'registrar@party-a'")
                .query(String.class).single();
        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        ApiClient admin = anonymous.as("admin");
        String username = "policy" + UUID.randomUUID().toString().substring(0, 6) + "@party-b";
        String oneTime = admin.post("/api/v1/users", """
                {"username": "%s", "organisation": "party-b", "roles": ["VIEWER"]}""".formatted(username))
                .json().get("oneTimePassword").stringValue();
        String change = "{\"username\": \"%s\", \"currentPassword\": \"%s\", \"newPassword\": \"%s\"}";
        Response common = anonymous.post("/api/v1/auth/password", change.formatted(username, oneTime, "password123456"));
        assertThat(common.status()).isEqualTo(400);
        assertThat(common.json().get("errors").get(0).get("reason").stringValue())
                .isEqualTo("is, or is built on, a commonly used password");
        Response shortOne = anonymous.post("/api/v1/auth/password", change.formatted(username, oneTime, "Xy7!q"));
        assertThat(shortOne.json().get("errors").get(0).get("reason").stringValue())
                .isEqualTo("is shorter than 12 characters");
        Response guessable = anonymous.post("/api/v1/auth/password", change.formatted(username, oneTime, "aaaaaaaaaaaaaaaa"));
        assertThat(guessable.status()).isEqualTo(400);
        assertThat(anonymous.post("/api/v1/auth/password", change.formatted(username, oneTime,
                "amber thistle courier 42 glacier")).status()).isEqualTo(200);
    }

    @Test
    void administratorsManageOnlyTheirOwnOrganisation() {
        ApiClient adminB = anonymous.as("admin@party-b");
        assertThat(adminB.post("/api/v1/users/viewer@party-a/disable", "").status()).isEqualTo(404);
        assertThat(adminB.post("/api/v1/users/viewer@party-a/reset-password", "").status()).isEqualTo(404);
        assertThat(adminB.get("/api/v1/users").json().toString()).doesNotContain("@party-a");
        assertThat(adminB.post("/api/v1/users", """
                {"username": "spy@party-a", "organisation": "party-a", "roles": ["VIEWER"]}""").status())
                .isEqualTo(403);
        Response interviewer = anonymous.as("admin").post("/api/v1/users", """
                {"username": "int%s@party-a", "organisation": "party-a", "roles": ["INTERVIEWER"]}"""
                .formatted(UUID.randomUUID().toString().substring(0, 6)));
        assertThat(interviewer.status()).isEqualTo(400);
        assertThat(interviewer.body()).contains("INTERVIEWER is a role of intermediaries only");
    }

    @Test
    void aDisabledUsersTokensStopWorking() {
        ApiClient admin = anonymous.as("admin");
        String username = "gone" + UUID.randomUUID().toString().substring(0, 6) + "@party-a";
        String oneTime = admin.post("/api/v1/users", """
                {"username": "%s", "organisation": "party-a", "roles": ["VIEWER"]}""".formatted(username))
                .json().get("oneTimePassword").stringValue();
        String chosen = "copper meadow sextant 19 orchid";
        anonymous.post("/api/v1/auth/password", "{\"username\": \"%s\", \"currentPassword\": \"%s\", \"newPassword\": \"%s\"}"
                .formatted(username, oneTime, chosen));
        String token = anonymous.post("/api/v1/auth/token", "{\"username\": \"%s\", \"password\": \"%s\"}"
                .formatted(username, chosen)).json().get("token").stringValue();
        assertThat(anonymous.withToken(token).get("/api/v1/persons?size=1").status()).isEqualTo(200);
        assertThat(admin.post("/api/v1/users/" + username + "/disable", "").status()).isEqualTo(200);
        assertThat(anonymous.withToken(token).get("/api/v1/persons?size=1").status()).isEqualTo(401);
        assertThat(anonymous.post("/api/v1/auth/token", "{\"username\": \"%s\", \"password\": \"%s\"}"
                .formatted(username, chosen)).status()).isEqualTo(401);

        assertThat(admin.post("/api/v1/users/" + username + "/reset-password", "").status()).isEqualTo(200);
        List<Map<String, Object>> entries = jdbc.sql("select actor, action, state_hash from audit_entry "
                + "where record_type = 'user' and record_id = :username order by seq").param("username", username)
                .query().listOfRows();
        assertThat(entries).extracting(e -> e.get("actor") + " " + e.get("action")).containsExactly(
                "admin USER_CREATE", username + " USER_CHANGE_PASSWORD", "admin USER_DISABLE",
                "admin USER_RESET_PASSWORD");
        String passwordHash = jdbc.sql("select password_hash from app_user where username = :username")
                .param("username", username).query(String.class).single();
        String resetState = "{\"enabled\":false,\"mustChangePassword\":true,\"organisation\":\"party-a\","
                + "\"passwordHashDigest\":\"" + HexFormat.of().formatHex(AuditLog.stateHash(passwordHash))
                + "\",\"roles\":[\"VIEWER\"],\"username\":\"" + username + "\"}";
        assertThat((byte[]) entries.get(3).get("state_hash")).as("the state holds a digest of the hash, no password")
                .isEqualTo(AuditLog.stateHash(resetState));
    }

    @Test
    void refusedAccessesAreRecorded() {
        String hidden = register(unique("Відмова"), false);
        long lastTally = lastTally();
        anonymous.as("viewer@party-b").get("/api/v1/persons/" + hidden);
        anonymous.as("viewer@party-b").patch("/api/v1/persons/" + hidden, "{\"version\": 1}");
        anonymous.get("/api/v1/persons/" + hidden);
        assertThat(jdbc.sql("select count(*) from access_refusal where record_id = :id and status = 404 "
                + "and username = 'viewer@party-b'").param("id", String.valueOf(hidden)).query(Long.class).single())
                .isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from access_refusal where path = :path")
                .param("path", "/api/v1/persons/" + hidden).query(Long.class).single())
                .as("a refusal without a logged-in caller is counted, not kept on its own").isEqualTo(2);
        StoredRefusals.storeAll(context);
        assertThat(jdbc.sql("select sum((paths->>:path)::int) from refusal_tally where id > :last")
                .param("path", "GET /api/v1/persons/" + hidden).param("last", lastTally).query(Long.class).single())
                .isEqualTo(1);
        anonymous.as("viewer@party-a").patch("/api/v1/persons/" + hidden, "{\"version\": 1}");
        assertThat(jdbc.sql("select count(*) from access_refusal where record_id = :id and status = 403")
                .param("id", String.valueOf(hidden)).query(Long.class).single()).isEqualTo(1);
    }

    private long lastTally() {
        return jdbc.sql("select coalesce(max(id), 0) from refusal_tally").query(Long.class).single();
    }

    private long auditSize() {
        return jdbc.sql("select count(*) from audit_entry").query(Long.class).single();
    }

    @Test
    void aFloodOfAnonymousRequestsIsCountedInAFewEntries() throws Exception {
        StoredRefusals.storeAll(context);
        long entriesBefore = auditSize();
        long lastTally = lastTally();
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 300; i++) {
            // a forged X-Forwarded-For is not believed: no proxy is trusted unless configured
            HttpResponse<Void> refused = http.send(HttpRequest.newBuilder(anonymous.uri("/"))
                    .header("X-Forwarded-For", "203.0.113." + i % 250).build(), HttpResponse.BodyHandlers.discarding());
            assertThat(refused.statusCode()).isEqualTo(302);
        }
        assertThat(auditSize()).as("nothing is written per request").isEqualTo(entriesBefore);
        StoredRefusals.storeAll(context);
        assertThat(auditSize() - entriesBefore).as("one entry per source and minute").isBetween(1L, 2L);
        List<Map<String, Object>> tallies = jdbc.sql("select source, refusals, paths::text as paths from refusal_tally "
                + "where id > :last").param("last", lastTally).query().listOfRows();
        assertThat(tallies).extracting(t -> t.get("source")).doesNotContain("203.0.113.1").containsOnly(
                tallies.get(0).get("source"));
        assertThat(tallies.stream().mapToInt(t -> (Integer) t.get("refusals")).sum()).isEqualTo(300);
        assertThat(tallies).extracting(t -> t.get("paths").toString()).allMatch(p -> p.matches("\\{\"GET /\":\\d+}"));
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'REFUSE_TALLY' and record_type = 'client' "
                + "and seq >= :from").param("from", entriesBefore).query(Long.class).single())
                .isEqualTo(tallies.size());
    }

    @Test
    void failedLoginsAreCountedPerUsernameAndALockoutIsAnEntryOfItsOwn() throws Exception {
        String username = "guessed" + UUID.randomUUID().toString().substring(0, 6) + "@party-a";
        anonymous.as("admin@party-a").post("/api/v1/users", """
                {"username": "%s", "roles": ["VIEWER"]}""".formatted(username));
        StoredRefusals.storeAll(context);
        long lastTally = lastTally();
        for (int i = 0; i < LoginService.LOCK_AFTER - 1; i++) {
            assertThat(anonymous.post("/api/v1/auth/token", "{\"username\": \"%s\", \"password\": \"guess %d\"}"
                    .formatted(username, i)).status()).isEqualTo(401);
        }
        assertThat(jdbc.sql("select count(*) from account_lockout where username = :u").param("u", username)
                .query(Long.class).single()).isZero();
        assertThat(org.parley.web.WebLogin.post(port, username, "the last guess").headers().firstValue("Location")
                .orElseThrow()).endsWith("/login?error");
        anonymous.post("/api/v1/auth/token", "{\"username\": \"nobody-at-all\", \"password\": \"x\"}");

        Map<String, Object> lockout = jdbc.sql("select * from account_lockout where username = :u")
                .param("u", username).query().singleRow();
        assertThat(lockout.get("locked_until")).isEqualTo(jdbc.sql("select locked_until from app_user where "
                + "username = :u").param("u", username).query(java.sql.Timestamp.class).single());
        assertThat(lockout).containsEntry("failed_logins", LoginService.LOCK_AFTER)
                .containsEntry("organisation_code", "party-a");
        Map<String, Object> entry = jdbc.sql("select * from audit_entry where action = 'USER_LOCKOUT' "
                + "and record_id = :u").param("u", username).query().singleRow();
        assertThat(entry.get("actor")).isNull();
        assertThat(entry).containsEntry("organisation_code", "party-a").containsEntry("record_type", "user");
        String state = "{\"failedLogins\":5,\"lockedUntil\":\"" + ((java.sql.Timestamp) lockout.get("locked_until"))
                .toInstant() + "\",\"source\":\"" + lockout.get("source") + "\"}";
        assertThat((byte[]) entry.get("state_hash")).isEqualTo(AuditLog.stateHash(state));

        StoredRefusals.storeAll(context);
        List<Map<String, Object>> tallies = jdbc.sql("select failed_logins, usernames::text as usernames "
                + "from refusal_tally where id > :last").param("last", lastTally).query().listOfRows();
        assertThat(tallies.stream().mapToInt(t -> (Integer) t.get("failed_logins")).sum())
                .isEqualTo(LoginService.LOCK_AFTER + 1);
        assertThat(tallies.stream().mapToInt(t -> count(t.get("usernames").toString(), username)).sum())
                .as("the API's and the form's failures").isEqualTo(LoginService.LOCK_AFTER);
        assertThat(tallies.stream().mapToInt(t -> count(t.get("usernames").toString(), "nobody-at-all")).sum())
                .isEqualTo(1);
    }

    private static int count(String counts, String username) {
        java.util.regex.Matcher found = java.util.regex.Pattern.compile("\"" + java.util.regex.Pattern.quote(username)
                + "\":(\\d+)").matcher(counts);
        return found.find() ? Integer.parseInt(found.group(1)) : 0;
    }

    /** What an administrator of party-a is told about a name of party-b, with the name itself blanked out. */
    private String answer(Response response, String username) {
        return response.status() + " " + response.body().replace(username, "NAME");
    }

    @Test
    void anotherOrganisationsUsernamesAreNeitherTakenNorFound() {
        ApiClient adminA = anonymous.as("admin@party-a");
        String existing = "viewer@party-b";
        String missing = "nobody" + UUID.randomUUID().toString().substring(0, 6) + "@party-b";
        for (String body : List.of("{\"username\": \"%s\", \"organisation\": \"party-b\", \"roles\": [\"VIEWER\"]}",
                "{\"username\": \"%s\", \"roles\": [\"VIEWER\"]}",
                "{\"username\": \"%s\", \"organisation\": \"party-a\", \"roles\": [\"VIEWER\"]}")) {
            Response ofExisting = adminA.post("/api/v1/users", body.formatted(existing));
            Response ofMissing = adminA.post("/api/v1/users", body.formatted(missing));
            assertThat(answer(ofExisting, existing)).as(body).isEqualTo(answer(ofMissing, missing))
                    .doesNotContain("taken");
            assertThat(ofExisting.status()).isIn(400, 403);
            assertThat(ofExisting.body()).containsAnyOf("users of that organisation only", "must end with '@party-a'");
        }
        Response plain = adminA.post("/api/v1/users", "{\"username\": \"viewer\", \"roles\": [\"VIEWER\"]}");
        assertThat(plain.status()).isEqualTo(400);
        assertThat(plain.body()).contains("must end with '@party-a'").doesNotContain("taken");
        for (String action : List.of("disable", "enable", "reset-password")) {
            Response ofExisting = adminA.post("/api/v1/users/" + existing + "/" + action, "");
            Response ofMissing = adminA.post("/api/v1/users/" + missing + "/" + action, "");
            assertThat(ofExisting.status()).as(action).isEqualTo(404);
            assertThat(answer(ofExisting, existing)).as(action).isEqualTo(answer(ofMissing, missing));
        }
        Response taken = adminA.post("/api/v1/users", "{\"username\": \"viewer@party-a\", \"roles\": [\"VIEWER\"]}");
        assertThat(taken.status()).isEqualTo(400);
        assertThat(taken.body()).contains("'viewer@party-a' is already taken");
        assertThat(anonymous.as("admin").post("/api/v1/users",
                "{\"username\": \"viewer@party-b\", \"roles\": [\"VIEWER\"]}").body())
                .as("the instance administrator manages every organisation").contains("is already taken");
        Response created = anonymous.as("admin").post("/api/v1/users",
                "{\"username\": \"%s\", \"roles\": [\"VIEWER\"]}".formatted(missing));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("organisation").stringValue()).as("taken from the name").isEqualTo("party-b");
    }
}
