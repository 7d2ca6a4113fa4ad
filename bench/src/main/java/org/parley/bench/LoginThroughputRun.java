package org.parley.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Logins per second through {@code POST /api/v1/auth/token} of a running Parley (each one an Argon2id check at
 * the configured parameters, plus the database), from several client threads at once.
 *
 * <pre>
 * java -jar app/target/parley.jar demo --persons 0 --data-dir /tmp/login-bench &amp;
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
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long warmupEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        long end = warmupEnd + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            String body = "{\"username\": \"" + users[t % users.length] + "\", \"password\": \"parley-demo\"}";
            pool.submit(() -> {
                HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/token"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                while (System.nanoTime() < end) {
                    try {
                        int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                        if (System.nanoTime() > warmupEnd) {
                            (status == 201 ? ok : failed).incrementAndGet();
                        }
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
        System.out.printf("%d threads, %d s: %d logins (%.1f per second), %d failed%n", threads, seconds, ok.get(),
                ok.get() / (double) seconds, failed.get());
    }
}
