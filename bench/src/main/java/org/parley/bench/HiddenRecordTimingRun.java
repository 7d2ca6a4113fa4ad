package org.parley.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long a party waits for the 404 of a record it may not see, against the 404 of an id that is no record, read
 * in turns by one client of a running Parley: if the two differed, the time would tell which ids are real. Party A
 * registers persons it does not notify; Party B's viewer reads each of them and a made-up id in turn.
 *
 * <pre>
 * java -Dparley.rate-limit.enabled=false -jar app/target/parley.jar demo --data-dir /tmp/oracle-bench --port 18090 &amp;
 * java -cp bench/target/parley-bench.jar org.parley.bench.HiddenRecordTimingRun http://localhost:18090 [PERSONS] [ROUNDS]
 * </pre>
 */
public final class HiddenRecordTimingRun {

    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
    private static final Pattern TOKEN = Pattern.compile("\"token\":\"([^\"]+)\"");

    private HiddenRecordTimingRun() {
    }

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:8080";
        int persons = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String registrar = token(http, base, "registrar@party-a");
        String viewer = token(http, base, "viewer@party-b");
        List<String> hidden = new ArrayList<>();
        for (int i = 0; i < persons; i++) {
            String body = send(http, HttpRequest.newBuilder(URI.create(base + "/api/v1/persons"))
                    .header("Authorization", "Bearer " + registrar).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"surname\": \"Прихований\", \"holdingParty\": "
                            + "\"party-a\", \"powerOfOrigin\": \"party-b\"}")), 201);
            Matcher id = ID.matcher(body);
            if (!id.find()) {
                throw new IllegalStateException("no id in " + body);
            }
            hidden.add(id.group(1));
        }
        long[] ofHidden = new long[persons * rounds];
        long[] ofMadeUp = new long[persons * rounds];
        for (int round = 0; round < rounds + 1; round++) {
            for (int i = 0; i < persons; i++) {
                long h = read(http, base, viewer, hidden.get(i));
                long m = read(http, base, viewer, UUID.randomUUID().toString());
                if (round > 0) { // the first round warms up
                    ofHidden[(round - 1) * persons + i] = h;
                    ofMadeUp[(round - 1) * persons + i] = m;
                }
            }
        }
        System.out.printf("404 of a hidden record: %s%n404 of a made-up id:    %s%n", summary(ofHidden),
                summary(ofMadeUp));
    }

    private static long read(HttpClient http, String base, String token, String id) throws Exception {
        long start = System.nanoTime();
        send(http, HttpRequest.newBuilder(URI.create(base + "/api/v1/persons/" + id))
                .header("Authorization", "Bearer " + token).GET(), 404);
        return System.nanoTime() - start;
    }

    private static String summary(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return String.format("median %.3f ms, p95 %.3f ms, mean %.3f ms (%d reads)", sorted[sorted.length / 2] / 1e6,
                sorted[(int) (sorted.length * 0.95)] / 1e6, Arrays.stream(sorted).average().orElse(0) / 1e6,
                sorted.length);
    }

    private static String token(HttpClient http, String base, String username) throws Exception {
        Matcher token = TOKEN.matcher(send(http, HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/token"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\": \"" + username + "\", \"password\": \"parley-demo\"}")), 201));
        if (!token.find()) {
            throw new IllegalStateException("no token for " + username);
        }
        return token.group(1);
    }

    private static String send(HttpClient http, HttpRequest.Builder request, int expected) throws Exception {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException("expected " + expected + ", got " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body();
    }
}
