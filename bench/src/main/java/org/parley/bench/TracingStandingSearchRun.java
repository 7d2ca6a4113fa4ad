package org.parley.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.parley.names.Language;
import org.parley.names.Transliteration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The cost of the tracing requests' standing search to a registration: Party A's registrar registers persons over
 * the API (POST /api/v1/persons, one client, in a row) with no open tracing request, then with {@code REQUESTS} open
 * ones, and the two sets of times are printed side by side. The registered persons and the requests are made of
 * the running demo's names (surname, given name and patronymic of different persons, as common as the demo draws
 * them), the requests written as families write them: Latin under the official transliteration 60 % (a typing
 * slip in one of six), Cyrillic 40 %; full date, year or none. Requests are recorded by the intermediary (60 %),
 * Party A and Party B (20 % each), so that a registration's keys meet requests of every kind, and those of its own
 * party become candidates. Every request open before the run is closed first.
 *
 * <pre>
 * java -Dparley.rate-limit.enabled=false -jar app/target/parley.jar demo --data-dir /tmp/tracing-bench --port 18612 &amp;
 * java -cp bench/target/parley-bench.jar org.parley.bench.TracingStandingSearchRun http://localhost:18612 [REQUESTS=10000] [REGISTRATIONS=300]
 * </pre>
 */
public final class TracingStandingSearchRun {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int WARM_UP = 50;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final Map<String, String> tokens;
    private final List<JsonNode> pool = new ArrayList<>();
    private final Random random = new Random(2026);

    private TracingStandingSearchRun(String base) throws Exception {
        this.base = base;
        // the parties first: the intermediary's list holds every organisation's requests, and its own come after
        // theirs are closed
        this.tokens = new LinkedHashMap<>();
        for (String organisation : List.of("party-a", "party-b", "intermediary")) {
            tokens.put(organisation, token("registrar@" + organisation));
        }
    }

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:8080";
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int registrations = args.length > 2 ? Integer.parseInt(args[2]) : 300;
        TracingStandingSearchRun run = new TracingStandingSearchRun(base);
        run.readNames();
        int closed = run.closeOpenRequests();
        int open = run.get("intermediary", "/api/v1/tracing-requests?state=OPEN&size=1").get("items").size();
        if (open != 0) {
            throw new IllegalStateException("requests are still open");
        }
        System.out.printf("names of %d demo persons; %d open requests closed first%n", run.pool.size(), closed);
        long[] without = run.register(registrations);
        long started = System.nanoTime();
        for (int i = 0; i < requests; i++) {
            run.recordRequest();
        }
        System.out.printf("%d requests recorded in %.1f s (each searched when recorded)%n", requests,
                (System.nanoTime() - started) / 1e9);
        long[] with = run.register(registrations);
        System.out.printf("registration, 0 open requests:      %s%n", summary(without));
        System.out.printf("registration, %,d open requests: %s%n", requests, summary(with));
        System.out.printf("difference of the medians: %.3f ms%n", (median(with) - median(without)) / 1e6);
        System.out.printf("Party A's requests given new matches by those registrations: %d%n", run.withNewMatches());
    }

    /** The names of the persons Party A's registrar may see: its detainees and its notified nationals. */
    private void readNames() throws Exception {
        for (int page = 0; ; page++) {
            JsonNode items = get("party-a", "/api/v1/persons?size=200&page=" + page).get("items");
            items.forEach(pool::add);
            if (items.size() < 200) {
                return;
            }
        }
    }

    private int closeOpenRequests() throws Exception {
        int closed = 0;
        for (Map.Entry<String, String> recorder : tokens.entrySet()) {
            while (true) {
                List<String> own = new ArrayList<>();
                get(recorder.getKey(), "/api/v1/tracing-requests?state=OPEN&size=200").get("items").forEach(item -> {
                    if (item.get("organisation").stringValue().equals(recorder.getKey())) {
                        own.add(item.get("id").stringValue());
                    }
                });
                if (own.isEmpty()) {
                    break;
                }
                for (String id : own) {
                    send(recorder.getKey(), "/api/v1/tracing-requests/" + id + "/close", "", 200);
                    closed++;
                }
            }
        }
        return closed;
    }

    /** How many of Party A's requests have matches it has not seen (the registrations' standing search). */
    private int withNewMatches() throws Exception {
        int count = 0;
        for (int page = 0; ; page++) {
            JsonNode items = get("party-a", "/api/v1/tracing-requests?newMatches=true&size=200&page=" + page)
                    .get("items");
            count += items.size();
            if (items.size() < 200) {
                return count;
            }
        }
    }

    /** The times of {@code count} registrations, after {@link #WARM_UP} not counted. */
    private long[] register(int count) throws Exception {
        long[] times = new long[count];
        for (int i = -WARM_UP; i < count; i++) {
            ObjectNode person = JsonNodeFactory.instance.objectNode();
            person.put("surname", part("surname"));
            person.put("givenName", part("givenName"));
            person.put("patronymic", part("patronymic"));
            person.put("dateOfBirth", String.format("%d-%02d-%02d", 1965 + random.nextInt(40), 1 + random.nextInt(12),
                    1 + random.nextInt(28)));
            person.put("holdingParty", "party-a");
            person.put("powerOfOrigin", "party-b");
            long start = System.nanoTime();
            send("party-a", "/api/v1/persons", person.toString(), 201);
            if (i >= 0) {
                times[i] = System.nanoTime() - start;
            }
        }
        return times;
    }

    private void recordRequest() throws Exception {
        int who = random.nextInt(10);
        String recorder = who < 6 ? "intermediary" : who < 8 ? "party-a" : "party-b";
        ObjectNode request = JsonNodeFactory.instance.objectNode();
        boolean latin = random.nextInt(100) < 60;
        for (String field : new String[] {"surname", "givenName", "patronymic"}) {
            String value = part(field);
            if (value != null && latin) {
                value = Transliteration.official(value, Language.UKRAINIAN);
                if (field.equals("surname") && random.nextInt(6) == 0 && value.length() > 4) {
                    int at = 1 + random.nextInt(value.length() - 3);
                    value = value.substring(0, at) + value.charAt(at + 1) + value.charAt(at) + value.substring(at + 2);
                }
            }
            if (value != null) {
                request.put(field, value);
            }
        }
        int date = random.nextInt(10);
        if (date < 8) {
            String year = Integer.toString(1965 + random.nextInt(40));
            request.put("dateOfBirth", date < 5 ? year + String.format("-%02d-%02d", 1 + random.nextInt(12),
                    1 + random.nextInt(28)) : year);
        }
        request.putObject("requester").put("name", "Bench family").put("contact", "bench@example.org");
        send(recorder, "/api/v1/tracing-requests", request.toString(), 201);
    }

    /** A name part of a random demo person (surnames and given names as common as the demo draws them). */
    private String part(String field) {
        JsonNode value = pool.get(random.nextInt(pool.size())).get(field);
        return value == null || value.isNull() ? null : value.stringValue();
    }

    private static long median(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static String summary(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return String.format("median %.3f ms, p95 %.3f ms, mean %.3f ms (%d registrations)",
                sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.95)] / 1e6,
                Arrays.stream(sorted).average().orElse(0) / 1e6, sorted.length);
    }

    private String token(String username) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/token"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\": \"" + username + "\", \"password\": \"parley-demo\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body()).get("token").stringValue();
    }

    private JsonNode get(String as, String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + tokens.get(as)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + ": " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private void send(String as, String path, String body, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + tokens.get(as)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(path + ": expected " + expected + ", got " + response.statusCode() + ": "
                    + response.body());
        }
    }
}
