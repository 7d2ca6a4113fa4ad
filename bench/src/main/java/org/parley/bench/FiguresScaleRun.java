package org.parley.bench;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The figures at scale, against a running Parley (e.g. {@code demo --persons 1000000}): for Party A's registrar and
 * the intermediary's viewer, {@code GET /api/v1/figures} and the dashboard page {@code /dashboard} (logged in
 * through the login form), RUNS round trips each after one warm-up: computed (right after a change: a refused read,
 * which appends an audit entry) and kept (the same again, at the same log size); then one frozen report of every
 * figure of each ({@code POST /api/v1/reports}), its size in bytes. Median and p95 of the round trips.
 *
 * <pre>
 * java -jar app/target/parley.jar demo --persons 1000000 --port 18611 --data-dir /tmp/reports-bench/data &amp;
 * java -cp bench/target/parley-bench.jar org.parley.bench.FiguresScaleRun http://localhost:18611 [RUNS=10]
 * </pre>
 */
public final class FiguresScaleRun {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private FiguresScaleRun() {
    }

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:8080";
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        ExchangeApi api = new ExchangeApi(base);
        for (String user : List.of("registrar@party-a", "viewer@intermediary")) {
            String token = api.token(user);
            HttpClient page = login(base, user);
            List<Long> apiCold = new ArrayList<>();
            List<Long> apiWarm = new ArrayList<>();
            List<Long> pageCold = new ArrayList<>();
            List<Long> pageWarm = new ArrayList<>();
            JsonNode figures = null;
            for (int run = -1; run < runs; run++) {
                change(base, token);
                long t0 = System.nanoTime();
                figures = api.get(token, "/api/v1/figures");
                long t1 = System.nanoTime();
                api.get(token, "/api/v1/figures");
                long t2 = System.nanoTime();
                change(base, token);
                long t3 = System.nanoTime();
                dashboard(page, base);
                long t4 = System.nanoTime();
                dashboard(page, base);
                long t5 = System.nanoTime();
                if (run >= 0) {
                    apiCold.add(t1 - t0);
                    apiWarm.add(t2 - t1);
                    pageCold.add(t4 - t3);
                    pageWarm.add(t5 - t4);
                }
            }
            StringBuilder values = new StringBuilder();
            List<String> ids = new ArrayList<>();
            for (JsonNode f : figures.get("figures")) {
                values.append(String.format(" %s=%,d", f.get("id").stringValue(), f.get("value").longValue()));
                ids.add("\"" + f.get("id").stringValue() + "\"");
            }
            System.out.printf("%s:%s%n", user, values);
            System.out.printf("  GET /api/v1/figures, computed  %s%n", ExchangeApi.summary(apiCold));
            System.out.printf("  GET /api/v1/figures, kept      %s%n", ExchangeApi.summary(apiWarm));
            System.out.printf("  GET /dashboard, computed       %s%n", ExchangeApi.summary(pageCold));
            System.out.printf("  GET /dashboard, kept           %s%n", ExchangeApi.summary(pageWarm));
            long t0 = System.nanoTime();
            JsonNode report = api.post(token, "/api/v1/reports", "{\"title\": \"bench\", \"figures\": ["
                    + String.join(", ", ids) + "]}", 201);
            long t = System.nanoTime() - t0;
            long records = 0;
            for (JsonNode f : report.get("figures")) {
                records += f.get("records").size();
            }
            System.out.printf("  POST /api/v1/reports (every figure): %.1f s, %,d records, %,d bytes%n", t / 1e9,
                    records, ExchangeApi.JSON.writeValueAsString(report).length());
        }
    }

    /**
     * A change of the data as far as the figures know: a refused read (404 on a made-up id) appends an audit entry,
     * so the next figures are computed again rather than taken from those kept for the log's previous size.
     */
    private static void change(String base, String token) throws Exception {
        int status = HTTP.send(HttpRequest.newBuilder(URI.create(base
                + "/api/v1/persons/00000000-0000-0000-0000-000000000000")).header("Authorization", "Bearer " + token)
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status != 404) {
            throw new IllegalStateException("a made-up person answered " + status);
        }
    }

    private static void dashboard(HttpClient page, String base) throws Exception {
        HttpResponse<String> dashboard = page.send(HttpRequest.newBuilder(URI.create(base + "/dashboard")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (dashboard.statusCode() != 200) {
            throw new IllegalStateException("/dashboard answered " + dashboard.statusCode());
        }
    }

    /** A client with a session: the login form's CSRF token, then the form posted. */
    private static HttpClient login(String base, String user) throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String form = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = CSRF.matcher(form);
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on the login page");
        }
        String body = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=parley-demo&_csrf="
                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 302) {
            throw new IllegalStateException("login answered " + answer.statusCode());
        }
        return http;
    }
}
