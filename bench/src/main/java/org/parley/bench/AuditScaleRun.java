package org.parley.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The audit log at scale, against a running Parley whose demo world made the log large (one entry per person):
 * proof generation time (inclusion and consistency proofs at the log's full size, through the API, so HTTP and
 * the token check are included), then append throughput under 1, 2, 4 and 8 concurrent writers (each append a
 * person registered through the API: the person, its event, its name keys and its audit entry in one transaction).
 * {@code audit verify} is timed by the command itself, with the server stopped.
 *
 * <pre>
 * java -Dparley.rate-limit.enabled=false -jar app/target/parley.jar demo --persons 1000000 --data-dir /tmp/audit-bench --port 18080 &amp;
 * java -cp bench/target/parley-bench.jar org.parley.bench.AuditScaleRun http://localhost:18080 [SECONDS]
 * (stop the server)
 * java -jar app/target/parley.jar audit verify --data-dir /tmp/audit-bench
 * </pre>
 */
public final class AuditScaleRun {

    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern TREE_SIZE = Pattern.compile("\"treeSize\"\\s*:\\s*(\\d+)");
    private static final int PROOFS = 300;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    private AuditScaleRun(String base) {
        this.base = base;
    }

    public static void main(String[] args) throws Exception {
        AuditScaleRun run = new AuditScaleRun(args.length > 0 ? args[0] : "http://localhost:8080");
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        run.proofs();
        for (int writers : new int[] {1, 2, 4, 8}) {
            run.appends(writers, seconds);
        }
    }

    private String token(String username) throws Exception {
        String answer = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\": \"" + username
                        + "\", \"password\": \"parley-demo\"}")), 201);
        return match(TOKEN, answer);
    }

    private String send(HttpRequest.Builder request, int expected) throws Exception {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private static String match(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("unexpected answer: " + text);
        }
        return m.group(1);
    }

    private void proofs() throws Exception {
        String auditor = "Bearer " + token("auditor@intermediary");
        long size = Long.parseLong(match(TREE_SIZE, send(HttpRequest.newBuilder(URI.create(base
                + "/api/v1/audit/checkpoints")).header("Authorization", auditor)
                .POST(HttpRequest.BodyPublishers.noBody()), 200)));
        Random random = new Random(9162);
        List<Long> inclusion = new ArrayList<>();
        List<Long> consistency = new ArrayList<>();
        for (int i = 0; i < PROOFS + 50; i++) {
            long seq = (long) (random.nextDouble() * size);
            long from = 1 + (long) (random.nextDouble() * (size - 1));
            long t0 = System.nanoTime();
            send(HttpRequest.newBuilder(URI.create(base + "/api/v1/audit/entries/" + seq + "/proof?treeSize=" + size))
                    .header("Authorization", auditor).GET(), 200);
            long t1 = System.nanoTime();
            send(HttpRequest.newBuilder(URI.create(base + "/api/v1/audit/consistency?from=" + from + "&to=" + size))
                    .header("Authorization", auditor).GET(), 200);
            long t2 = System.nanoTime();
            if (i >= 50) { // the first ones warm up the server
                inclusion.add(t1 - t0);
                consistency.add(t2 - t1);
            }
        }
        System.out.printf("Log of %d entries, %d proofs each, HTTP round trip:%n", size, PROOFS);
        System.out.println("  inclusion proof:   " + summary(inclusion));
        System.out.println("  consistency proof: " + summary(consistency));
    }

    private static String summary(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return String.format("median %.2f ms, p95 %.2f ms, max %.2f ms", sorted.get(sorted.size() / 2) / 1e6,
                sorted.get((int) (sorted.size() * 0.95)) / 1e6, sorted.get(sorted.size() - 1) / 1e6);
    }

    private void appends(int writers, int seconds) throws Exception {
        String[] registrars = {"Bearer " + token("registrar@party-a"), "Bearer " + token("registrar@party-b")};
        HttpLoad.Result result = HttpLoad.run(http, writers, 2, seconds, 201, t -> HttpRequest.newBuilder(
                URI.create(base + "/api/v1/persons")).header("Content-Type", "application/json")
                .header("Authorization", registrars[t % 2])
                .POST(HttpRequest.BodyPublishers.ofString("{\"surname\": \"Навантаження\", "
                        + "\"holdingParty\": \"party-" + (t % 2 == 0 ? "a" : "b") + "\"}")).build());
        System.out.printf("%d writers, %d s: %d appends (%.1f per second), %d failed%n", writers, seconds,
                result.done(), result.perSecond(), result.failed());
    }
}
