package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.ApiClient;
import org.parley.audit.Checkpoint;
import org.parley.audit.SigningKey;
import org.parley.web.WebLogin;

/**
 * Two Parley instances against one PostgreSQL (README "Configuration", running several instances): a web session
 * and an API token of one work on the other, persons registered through both at once make one gap-free audit log
 * that {@code audit verify} accepts, checkpoints signed by one verify with the other's public key, a lockout counted
 * on both holds on both, and two {@code demo} starts at once load one world.
 *
 * <p>The instances are child JVMs, as two machines would run them: nothing in memory is shared (rate limits, the
 * figures' cache, counted refusals, scheduled jobs, static state), which two Spring contexts in this JVM would not
 * guarantee. The database is a separately started embedded PostgreSQL, standing in for an external server.
 */
class MultiInstanceTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final int WRITERS_PER_INSTANCE = 4;
    private static final int PERSONS_PER_WRITER = 15;

    @Test
    void twoInstancesShareSessionsTokensTheLogAndLockouts(@TempDir Path keys) throws Exception {
        Path keyFile = keys.resolve("audit-ed25519.key");
        SigningKey.loadOrCreate(keyFile); // one key file, copied to every instance
        try (EmbeddedPostgres database = EmbeddedPostgres.builder().start()) {
            Map<String, String> environment = Map.of("PARLEY_DB_URL", database.getJdbcUrl("postgres", "postgres"),
                    "PARLEY_DB_USER", "postgres", "PARLEY_DB_PASSWORD", "");
            List<String> properties = List.of("-Dparley.audit.key-file=" + keyFile);
            ExecutorService starting = Executors.newFixedThreadPool(2);
            Future<ChildServer> startingA = starting.submit(() -> ChildServer.start(environment, properties,
                    "demo", "--persons", "20"));
            Future<ChildServer> startingB = starting.submit(() -> ChildServer.start(environment, properties,
                    "demo", "--persons", "20"));
            ChildServer a = startingA.get(5, TimeUnit.MINUTES);
            ChildServer b = startingB.get(5, TimeUnit.MINUTES);
            starting.shutdown();
            try (Connection sql = database.getPostgresDatabase().getConnection()) {
                assertThat(count(sql, "select count(*) from organisation")).as("one demo world").isEqualTo(3);
                assertThat(count(sql, "select count(*) from app_user where username = 'registrar@party-a'"))
                        .isEqualTo(1);

                aWebSessionOfOneIsASessionOfTheOther(a.port(), b.port());
                aTokenOfOneWorksOnTheOther(a.port(), b.port());
                Set<String> registered = registerThroughBoth(a.port(), b.port());
                ApiClient readerB = new ApiClient(b.port()).as("registrar@party-a");
                assertThat(registered).hasSize(2 * WRITERS_PER_INSTANCE * PERSONS_PER_WRITER)
                        .allSatisfy(id -> assertThat(readerB.get("/api/v1/persons/" + id).status()).isEqualTo(200));
                long entries = count(sql, "select count(*) from audit_entry");
                assertThat(count(sql, "select max(seq) + 1 from audit_entry")).as("no gaps").isEqualTo(entries);
                assertThat(count(sql, "select size from audit_head")).isEqualTo(entries);
                checkpointsOfOneVerifyOnTheOther(a.port(), b.port());
                aLockoutCountedOnBothHoldsOnBoth(a.port(), b.port());
            } finally {
                a.kill();
                b.kill();
            }
            ProcessBuilder verify = new ProcessBuilder(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Dparley.audit.key-file=" + keyFile, "-cp", System.getProperty("java.class.path"),
                    ParleyCommand.class.getName(), "audit", "verify").redirectErrorStream(true);
            verify.environment().putAll(environment);
            Process verifying = verify.start();
            String said = new String(verifying.getInputStream().readAllBytes());
            assertThat(verifying.waitFor()).as(said).isZero();
        }
    }

    private static void aWebSessionOfOneIsASessionOfTheOther(int a, int b) throws Exception {
        String cookie = WebLogin.cookie(a, "registrar@party-a");
        HttpResponse<String> onB = get(b, "/account", cookie);
        assertThat(onB.statusCode()).as("the session made on A, on B").isEqualTo(200);
        assertThat(onB.body()).contains("registrar@party-a");
        // logging out on B ends the session on A too
        String csrf = onB.body().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        HttpResponse<String> logout = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + b + "/logout"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + csrf)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(logout.statusCode()).isEqualTo(302);
        HttpResponse<String> afterwards = get(a, "/account", cookie);
        assertThat(afterwards.statusCode()).isEqualTo(302);
        assertThat(afterwards.headers().firstValue("Location").orElse("")).contains("/login");
    }

    private static void aTokenOfOneWorksOnTheOther(int a, int b) {
        String token = new ApiClient(a).as("viewer@party-b").token();
        ApiClient onB = new ApiClient(b).withToken(token);
        assertThat(onB.get("/api/v1/persons").status()).isEqualTo(200);
    }

    /** Persons registered at once through both instances; the ids they acknowledged. */
    private static Set<String> registerThroughBoth(int a, int b) throws Exception {
        Set<String> ids = ConcurrentHashMap.newKeySet();
        List<Thread> writers = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        for (int w = 0; w < 2 * WRITERS_PER_INSTANCE; w++) {
            ApiClient client = new ApiClient(w % 2 == 0 ? a : b).as("registrar@party-a");
            String surname = "Двоє" + w + "-";
            Thread writer = new Thread(() -> {
                for (int i = 0; i < PERSONS_PER_WRITER; i++) {
                    ApiClient.Response created = client.post("/api/v1/persons", """
                            {"surname": "%s%d", "holdingParty": "party-a", "powerOfOrigin": "party-b"}"""
                            .formatted(surname, i));
                    assertThat(created.status()).as(created.body()).isEqualTo(201);
                    ids.add(created.json().get("id").stringValue());
                }
            });
            writer.setUncaughtExceptionHandler((t, e) -> {
                synchronized (failures) {
                    failures.add(e);
                }
            });
            writers.add(writer);
        }
        writers.forEach(Thread::start);
        for (Thread writer : writers) {
            writer.join(TimeUnit.MINUTES.toMillis(2));
        }
        assertThat(failures).isEmpty();
        return ids;
    }

    private static void checkpointsOfOneVerifyOnTheOther(int a, int b) throws Exception {
        ApiClient auditorA = new ApiClient(a).as("auditor@intermediary");
        ApiClient auditorB = new ApiClient(b).as("auditor@intermediary");
        ApiClient.Response signedOnA = auditorA.post("/api/v1/audit/checkpoints", "");
        assertThat(signedOnA.status()).isEqualTo(200);
        long size = signedOnA.json().get("treeSize").asLong();
        byte[] spki = Base64.getDecoder().decode(auditorB.get("/api/v1/audit/public-key").json().get("spki")
                .stringValue());
        PublicKey keyOfB = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
        assertThat(Checkpoint.parse(signedOnA.json().get("note").stringValue()).verify(keyOfB)).isTrue();
        ApiClient.Response onB = auditorB.get("/api/v1/audit/checkpoints/" + size);
        assertThat(onB.status()).isEqualTo(200);
        assertThat(onB.json().get("signature").stringValue())
                .isEqualTo(signedOnA.json().get("signature").stringValue());
        // a later checkpoint signed on B extends the one signed on A
        new ApiClient(b).as("registrar@party-b").post("/api/v1/persons",
                "{\"surname\": \"Пізніше\", \"holdingParty\": \"party-b\"}");
        long later = auditorB.post("/api/v1/audit/checkpoints", "").json().get("treeSize").asLong();
        assertThat(later).isGreaterThan(size);
        assertThat(auditorA.get("/api/v1/audit/consistency?from=" + size + "&to=" + later).status()).isEqualTo(200);
    }

    /** Five failed logins, three on A and two on B, lock the account on both. */
    private static void aLockoutCountedOnBothHoldsOnBoth(int a, int b) throws Exception {
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> failed = WebLogin.post(i < 3 ? a : b, "viewer@intermediary", "not-the-password");
            assertThat(failed.headers().firstValue("Location").orElse("")).contains("error");
        }
        for (int port : List.of(a, b)) {
            HttpResponse<String> refused = WebLogin.post(port, "viewer@intermediary", WebLogin.DEMO_PASSWORD);
            assertThat(refused.headers().firstValue("Location").orElse("")).as("locked on " + port)
                    .contains("error");
        }
    }

    private static HttpResponse<String> get(int port, String path, String cookie) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Cookie", cookie)
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long count(Connection sql, String query) throws Exception {
        try (Statement statement = sql.createStatement(); ResultSet rs = statement.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
