package org.parley.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;

/**
 * Logins per second through {@code POST /api/v1/auth/token} of a running Parley (each one an Argon2id check at
 * the configured parameters, plus the database), from several client threads at once.
 *
 * <pre>
 * java -Dparley.rate-limit.enabled=false -jar app/target/parley.jar demo --persons 0 --data-dir /tmp/login-bench &amp;
 * java -cp bench/target/parley-bench.jar org.parley.bench.LoginThroughputRun [URL] [THREADS] [SECONDS]
 * </pre>
 */
public final class LoginThroughputRun {

    private LoginThroughputRun() {
    }

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:8080";
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        // Different users, so that no account's failure counter or row lock is shared between threads.
        String[] users = {"viewer@party-a", "viewer@party-b", "viewer@intermediary", "negotiator@party-a",
                "negotiator@party-b", "auditor@party-a", "auditor@party-b", "auditor@intermediary"};
        HttpLoad.Result result = HttpLoad.run(http, threads, 3, seconds, 201, t -> HttpRequest.newBuilder(
                URI.create(base + "/api/v1/auth/token")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\": \"" + users[t % users.length]
                        + "\", \"password\": \"parley-demo\"}")).build());
        System.out.printf("%d threads, %d s: %d logins (%.1f per second), %d failed%n", threads, seconds,
                result.done(), result.perSecond(), result.failed());
    }
}
