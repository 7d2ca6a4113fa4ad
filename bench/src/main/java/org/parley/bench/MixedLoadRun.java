package org.parley.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.parley.names.Language;
import org.parley.names.Transliteration;
import tools.jackson.databind.JsonNode;

/**
 * A mixed API load against a running Parley, for throughput, latency and soak runs (README, "Benchmarks"): N clients
 * in a closed loop, each logged in with a bearer token as a demo user of Party A, Party B or the intermediary (in
 * turns), each request drawn from a mix of
 * <ul>
 * <li>{@code read}: {@code GET /api/v1/persons/{id}} of a person the client's user may see;</li>
 * <li>{@code search}: {@code GET /api/v1/persons?q=} with a name of such a person: the full name in Cyrillic, its
 * official Latin spelling, or the surname alone, in turns;</li>
 * <li>{@code list}: {@code GET /api/v1/persons?page=…} among the first 20 pages of 50, half with a filter (status,
 * category, capture dates, holding party, a sort by capture date);</li>
 * <li>{@code write}: through the registrar of the client's party, registering a person, an event or a statement
 * (interrogation) of a person this client registered; at the intermediary, an interviewer's private interview of a
 * held person.</li>
 * </ul>
 * Every answer other than the expected 2xx counts as an error, by status ({@code IO} for no answer). Every window
 * (default 30 s) the run prints and writes to the CSV each kind's count, errors, median/p95/p99 latency and
 * throughput, with the server's heap (Actuator: {@code jvm.memory.used} of the heap and of G1's old generation,
 * {@code jvm.gc.live.data.size}: the old generation after its latest collection, 0 before the first), its GC pauses
 * (count and total since the start), its connection pool ({@code hikaricp.connections.*})
 * and PostgreSQL's backends ({@code pg_stat_activity}). {@link SoakPlot} draws the CSV.
 *
 * <pre>
 * java -Dparley.rate-limit.enabled=false -Dmanagement.server.port=18621 -Dmanagement.server.address=127.0.0.1 \
 *     -Dmanagement.endpoints.web.exposure.include=health,metrics -jar app/target/parley.jar serve --data-dir D \
 *     --port 18620 &amp;
 * java -cp bench/target/parley-bench.jar org.parley.bench.MixedLoadRun url=http://localhost:18620 \
 *     metrics=http://127.0.0.1:18621 dataDir=D clients=32 seconds=300 warmup=20 window=30 \
 *     mix=read:60,search:20,list:15,write:5 csv=/tmp/load.csv
 * </pre>
 * A share of 0 leaves a kind out ({@code mix=read:1} is single reads only). {@code metrics} and {@code dataDir} are
 * optional: without them the server columns stay empty.
 */
public final class MixedLoadRun {

    enum Kind { READ, SEARCH, LIST, WRITE }

    /** One request's outcome. */
    record Sample(Kind kind, long nanos, String status) {
    }

    /** Demo users a client reads as, in turns: both parties and the intermediary, every role that reads persons. */
    private static final String[] READERS = {"viewer@party-a", "viewer@party-b", "viewer@intermediary",
            "registrar@party-a", "registrar@party-b", "registrar@intermediary", "negotiator@party-a",
            "negotiator@party-b", "negotiator@intermediary", "auditor@party-a", "auditor@party-b",
            "auditor@intermediary", "interviewer@intermediary"};
    private static final String[] LIST_FILTERS = {"status=INTERNED", "category=ARMED_FORCES",
            "capturedFrom=2024-01-01&capturedTo=2024-06-30", "sort=captureDate", "status=HOSPITALISED",
            "category=CIVILIAN_INTERNEE&sort=-timeInCaptivity"};
    private static final int POOL_PAGES = 8;

    private final Map<String, String> options;
    private final String base;
    private final ExchangeApi api;
    private final Map<String, String> tokens = new LinkedHashMap<>();
    /** Per reading user: persons it may see, as (public id, surname, given name, patronymic, name language). */
    private final Map<String, List<String[]>> visible = new LinkedHashMap<>();
    /** Held persons the intermediary may see, for its interviews. */
    private final List<String> heldForInterview = new ArrayList<>();
    private final AtomicReference<ConcurrentLinkedQueue<Sample>> window =
            new AtomicReference<>(new ConcurrentLinkedQueue<>());

    private MixedLoadRun(Map<String, String> options) {
        this.options = options;
        this.base = options.getOrDefault("url", "http://localhost:8080");
        this.api = new ExchangeApi(base);
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("arguments are name=value: " + arg);
            }
            options.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        new MixedLoadRun(options).run();
    }

    private int option(String name, int fallback) {
        return Integer.parseInt(options.getOrDefault(name, Integer.toString(fallback)));
    }

    private void run() throws Exception {
        int clients = option("clients", 32);
        int seconds = option("seconds", 120);
        int warmup = option("warmup", 20);
        int windowSeconds = option("window", 30);
        EnumMap<Kind, Integer> mix = mix(options.getOrDefault("mix", "read:60,search:20,list:15,write:5"));
        ServerProbe probe = new ServerProbe(options.get("metrics"), options.get("dataDir"));
        prepare(clients, mix);

        Path csv = Path.of(options.getOrDefault("csv", "load.csv"));
        long start = System.nanoTime();
        long measureFrom = start + TimeUnit.SECONDS.toNanos(warmup);
        long end = measureFrom + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            Client client = new Client(c, mix);
            pool.submit(() -> client.loop(end));
        }
        System.out.printf("%d clients, mix %s, warm-up %d s, %d s measured, windows of %d s; load average %s%n",
                clients, mix, warmup, seconds, windowSeconds, ServerProbe.loadAverage());
        TimeUnit.NANOSECONDS.sleep(measureFrom - System.nanoTime());
        window.set(new ConcurrentLinkedQueue<>()); // the warm-up's samples are dropped
        List<Sample> all = new ArrayList<>();
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(csv, StandardCharsets.UTF_8))) {
            out.println(WindowReport.CSV_HEADER);
            long windowStart = measureFrom;
            while (windowStart < end) {
                long windowEnd = Math.min(end, windowStart + TimeUnit.SECONDS.toNanos(windowSeconds));
                TimeUnit.NANOSECONDS.sleep(Math.max(0, windowEnd - System.nanoTime()));
                List<Sample> samples = new ArrayList<>(window.getAndSet(new ConcurrentLinkedQueue<>()));
                all.addAll(samples);
                double from = (windowStart - measureFrom) / 1e9;
                double to = (windowEnd - measureFrom) / 1e9;
                Map<String, String> server = probe.sample();
                WindowReport report = new WindowReport(from, to, samples, server);
                report.print(System.out);
                report.csv(out);
                out.flush();
                windowStart = windowEnd;
            }
        }
        pool.shutdown();
        pool.awaitTermination(2, TimeUnit.MINUTES);
        System.out.println("Whole run:");
        new WindowReport(0, seconds, all, Map.of()).print(System.out);
        probe.close();
        System.out.println("CSV: " + csv.toAbsolutePath());
    }

    static EnumMap<Kind, Integer> mix(String text) {
        EnumMap<Kind, Integer> mix = new EnumMap<>(Kind.class);
        for (String part : text.split(",")) {
            String[] kv = part.split(":");
            mix.put(Kind.valueOf(kv[0].trim().toUpperCase(Locale.ROOT)), Integer.parseInt(kv[1].trim()));
        }
        return mix;
    }

    /** Tokens of every user the clients need, and persons each reading user may see. */
    private void prepare(int clients, EnumMap<Kind, Integer> mix) throws Exception {
        for (int c = 0; c < Math.min(clients, READERS.length); c++) {
            tokens.put(READERS[c], api.token(READERS[c]));
        }
        for (String writer : new String[] {"registrar@party-a", "registrar@party-b", "interviewer@intermediary"}) {
            tokens.computeIfAbsent(writer, u -> {
                try {
                    return api.token(u);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        SplittableRandom random = new SplittableRandom(2026);
        for (int c = 0; c < Math.min(clients, READERS.length); c++) {
            String user = READERS[c];
            List<String[]> persons = new ArrayList<>();
            long total = api.get(tokens.get(user), "/api/v1/persons?size=1").get("total").asLong();
            int pages = (int) Math.max(1, Math.min(total / 200, 2000));
            for (int i = 0; i < POOL_PAGES; i++) {
                int page = random.nextInt(pages);
                for (JsonNode p : api.get(tokens.get(user), "/api/v1/persons?sort=captureDate&size=200&page=" + page)
                        .get("items")) {
                    persons.add(new String[] {p.get("id").asString(), text(p, "surname"), text(p, "givenName"),
                            text(p, "patronymic"), text(p, "nameLanguage")});
                }
            }
            visible.put(user, persons);
        }
        if (mix.getOrDefault(Kind.WRITE, 0) > 0) {
            String interviewer = tokens.get("interviewer@intermediary");
            for (JsonNode p : api.get(interviewer, "/api/v1/persons?status=INTERNED&sort=captureDate&size=200")
                    .get("items")) {
                heldForInterview.add(p.get("id").asString());
            }
        }
        System.out.printf("%d users, %d persons to read%n", tokens.size(),
                visible.values().stream().mapToInt(List::size).sum());
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "" : value.asString();
    }

    /** One client: its reading user, its own random sequence, and the persons it registered (for its writes). */
    private final class Client {
        private final String user;
        private final String token;
        private final String party; // party-a, party-b or intermediary
        private final SplittableRandom random;
        private final Kind[] draws = new Kind[100];
        private final List<String> registered = new ArrayList<>();
        private final Map<String, Integer> events = new LinkedHashMap<>();
        private final Map<String, String> latin = new HashMap<>();
        private int writes;
        private int searches;

        Client(int index, EnumMap<Kind, Integer> mix) {
            this.user = READERS[index % READERS.length];
            this.token = tokens.get(user);
            this.party = user.substring(user.indexOf('@') + 1);
            this.random = new SplittableRandom(index * 7919L + 17);
            int total = mix.values().stream().mapToInt(Integer::intValue).sum();
            int i = 0;
            for (Map.Entry<Kind, Integer> share : mix.entrySet()) {
                for (int n = 0; n < share.getValue() * 100 / total && i < draws.length; n++) {
                    draws[i++] = share.getKey();
                }
            }
            while (i < draws.length) {
                draws[i++] = mix.keySet().iterator().next();
            }
        }

        Void loop(long end) {
            while (System.nanoTime() < end) {
                Kind kind = draws[random.nextInt(draws.length)];
                try {
                    Request request = request(kind);
                    long t0 = System.nanoTime();
                    String status;
                    Answer answer = null;
                    try {
                        answer = send(request);
                        status = Integer.toString(answer.status());
                    } catch (IOException e) {
                        status = "IO";
                    }
                    long nanos = System.nanoTime() - t0;
                    window.get().add(new Sample(kind, nanos, status));
                    if (answer != null && answer.status() == 201 && request.registers()) {
                        registered.add(ExchangeApi.JSON.readTree(answer.body()).get("id").asString());
                    }
                } catch (RuntimeException e) {
                    window.get().add(new Sample(kind, 0, e.getClass().getSimpleName()));
                }
            }
            return null;
        }

        private Request request(Kind kind) {
            List<String[]> persons = visible.get(user);
            return switch (kind) {
                case READ -> get("/api/v1/persons/" + persons.get(random.nextInt(persons.size()))[0]);
                case SEARCH -> get("/api/v1/persons?q=" + URLEncoder.encode(query(persons.get(random.nextInt(
                        persons.size()))), StandardCharsets.UTF_8));
                case LIST -> get("/api/v1/persons?page=" + random.nextInt(20)
                        + (random.nextBoolean() ? "" : "&" + LIST_FILTERS[random.nextInt(LIST_FILTERS.length)]));
                case WRITE -> write();
            };
        }

        /**
         * A full name in Cyrillic, its official Latin spelling, or the surname alone, in turns; each spelling made once
         * (transliterating on every request would take the server's CPU).
         */
        private String query(String[] person) {
            String full = (person[1] + " " + person[2] + " " + person[3]).trim().replaceAll("\\s+", " ");
            return switch (searches++ % 3) {
                case 0 -> full;
                case 1 -> latin.computeIfAbsent(full, name -> Transliteration.official(name, "ru".equals(person[4])
                        ? Language.RUSSIAN : Language.UKRAINIAN));
                default -> person[1];
            };
        }

        private Request write() {
            LocalDate today = LocalDate.now();
            if (party.equals("intermediary")) {
                String id = heldForInterview.get(random.nextInt(heldForInterview.size()));
                return post("interviewer@intermediary", "/api/v1/persons/" + id + "/statements",
                        "{\"wish\": \"RETURN\", \"method\": \"PRIVATE_INTERVIEW\", \"place\": \"Табір № 3\", "
                                + "\"language\": \"uk\", \"interpreter\": false}", false);
            }
            String registrar = "registrar@" + party;
            int step = writes++ % 4;
            if (step == 0 || registered.isEmpty()) {
                String[] name = visible.get(user).get(random.nextInt(visible.get(user).size()));
                return post(registrar, "/api/v1/persons", "{\"surname\": \"" + name[1] + "\", \"givenName\": \""
                        + name[2] + "\", \"holdingParty\": \"" + party + "\", \"captureDate\": \""
                        + today.minusDays(1) + "\", \"capturePlace\": \"Навантажувальне\"}", true);
            }
            String id = registered.get(random.nextInt(registered.size()));
            if (step == 3) {
                return post(registrar, "/api/v1/persons/" + id + "/statements",
                        "{\"wish\": \"UNDECIDED\", \"method\": \"INTERROGATION\", \"language\": \"uk\"}", false);
            }
            // CAPTURED → INTERNED → TRANSFERRED (stays INTERNED) → TRANSFERRED …, all dated today
            int n = events.merge(id, 1, Integer::sum);
            String type = n == 1 ? "INTERNED" : "TRANSFERRED";
            return post(registrar, "/api/v1/persons/" + id + "/events", "{\"type\": \"" + type
                    + "\", \"occurredOn\": \"" + today + "\", \"place\": \"Табір № " + n + "\"}", false);
        }

        private Request get(String path) {
            return new Request(path, token, null, false);
        }

        private Request post(String asUser, String path, String body, boolean registers) {
            return new Request(path, tokens.get(asUser), body, registers);
        }
    }

    /** A GET, or a POST of a JSON body; only a registration's answer is read (for the id it gives). */
    private record Request(String path, String token, String body, boolean registers) {
    }

    private record Answer(int status, String body) {
    }

    /** Sends a request ({@link KeptAliveHttp}); bodies not needed are read to their end, not decoded. */
    private Answer send(Request request) throws IOException {
        HttpURLConnection connection = KeptAliveHttp.open(base + request.path(), "Bearer " + request.token());
        if (request.body() != null) {
            byte[] body = request.body().getBytes(StandardCharsets.UTF_8);
            connection.setRequestMethod("POST");
            connection.setRequestProperty("Content-Type", "application/json");
            connection.setDoOutput(true);
            connection.setFixedLengthStreamingMode(body.length);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body);
            }
        }
        int status = connection.getResponseCode();
        String body = null;
        try (InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
            if (in != null) {
                if (request.registers()) {
                    body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                } else {
                    in.transferTo(OutputStream.nullOutputStream());
                }
            }
        }
        return new Answer(status, body);
    }

    /** One window's figures, per kind and for all kinds together, with the server's state at its end. */
    record WindowReport(double from, double to, List<Sample> samples, Map<String, String> server) {

        static final String CSV_HEADER = "from_s,to_s,kind,count,errors,errors_by_status,median_ms,p95_ms,p99_ms,"
                + "per_s," + String.join(",", ServerProbe.COLUMNS);

        private List<Object[]> rows() {
            List<Object[]> rows = new ArrayList<>();
            for (Kind kind : Kind.values()) {
                List<Sample> of = samples.stream().filter(s -> s.kind() == kind).toList();
                if (!of.isEmpty()) {
                    rows.add(row(kind.name().toLowerCase(Locale.ROOT), of));
                }
            }
            rows.add(row("all", samples));
            return rows;
        }

        private Object[] row(String kind, List<Sample> of) {
            Map<String, Integer> errors = new TreeMap<>();
            long[] nanos = of.stream().filter(s -> s.status().startsWith("2")).mapToLong(Sample::nanos)
                    .sorted().toArray();
            of.stream().filter(s -> !s.status().startsWith("2")).forEach(s -> errors.merge(s.status(), 1,
                    Integer::sum));
            int errorCount = errors.values().stream().mapToInt(Integer::intValue).sum();
            StringBuilder byStatus = new StringBuilder();
            errors.forEach((status, n) -> byStatus.append(byStatus.isEmpty() ? "" : " ").append(status)
                    .append(':').append(n));
            return new Object[] {kind, of.size(), errorCount, byStatus.toString(), percentile(nanos, 0.50),
                    percentile(nanos, 0.95), percentile(nanos, 0.99), of.size() / (to - from)};
        }

        private static double percentile(long[] sorted, double p) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * p) - 1)] / 1e6;
        }

        void print(java.io.PrintStream out) {
            out.printf("[%5.0f–%5.0f s]%s%n", from, to, server.isEmpty() ? "" : " " + server);
            for (Object[] r : rows()) {
                out.printf("  %-6s %7d requests, %4d errors%s, median %7.2f ms, p95 %7.2f ms, p99 %7.2f ms, "
                        + "%7.1f/s%n", r[0], r[1], r[2], ((String) r[3]).isEmpty() ? "" : " (" + r[3] + ")", r[4],
                        r[5], r[6], r[7]);
            }
        }

        void csv(PrintWriter out) {
            for (Object[] r : rows()) {
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%.0f,%.0f,%s,%d,%d,%s,%.3f,%.3f,"
                        + "%.3f,%.2f", from, to, r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7]));
                for (String column : ServerProbe.COLUMNS) {
                    line.append(',').append(server.getOrDefault(column, ""));
                }
                out.println(line);
            }
        }
    }

    /** The server's state: Actuator metrics on its management port, PostgreSQL's backends, the load average. */
    static final class ServerProbe implements AutoCloseable {

        static final List<String> COLUMNS = List.of("heap_used_mb", "heap_after_gc_mb", "old_gen_mb", "gc_pauses",
                "gc_pause_ms", "pool_active", "pool_idle", "pool_pending", "pool_total", "pg_backends",
                "load_avg_1m");

        private final String metrics;
        private final Connection database;
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        ServerProbe(String metrics, String dataDir) throws Exception {
            this.metrics = metrics;
            this.database = dataDir == null ? null : DriverManager.getConnection("jdbc:postgresql://localhost:"
                    + postgresPort(Path.of(dataDir)) + "/postgres", "postgres", "postgres");
        }

        /** Line 4 of the embedded server's postmaster.pid is its port. */
        private static int postgresPort(Path dataDir) throws IOException {
            try (var files = Files.walk(dataDir, 3)) {
                Path pid = files.filter(f -> f.getFileName().toString().equals("postmaster.pid")).findFirst()
                        .orElseThrow(() -> new IOException("no postmaster.pid under " + dataDir));
                return Integer.parseInt(Files.readAllLines(pid).get(3).trim());
            }
        }

        Map<String, String> sample() {
            Map<String, String> values = new LinkedHashMap<>();
            if (metrics != null) {
                values.put("heap_used_mb", mb(metric("jvm.memory.used?tag=area:heap", "VALUE")));
                values.put("heap_after_gc_mb", mb(metric("jvm.gc.live.data.size", "VALUE")));
                // G1's old generation: grows by promotion until a concurrent cycle; its low points are the live set
                values.put("old_gen_mb", mb(metric("jvm.memory.used?tag=id:G1%20Old%20Gen", "VALUE")));
                values.put("gc_pauses", number(metric("jvm.gc.pause", "COUNT")));
                values.put("gc_pause_ms", String.format(Locale.ROOT, "%.0f", metric("jvm.gc.pause", "TOTAL_TIME")
                        * 1000));
                values.put("pool_active", number(metric("hikaricp.connections.active", "VALUE")));
                values.put("pool_idle", number(metric("hikaricp.connections.idle", "VALUE")));
                values.put("pool_pending", number(metric("hikaricp.connections.pending", "VALUE")));
                values.put("pool_total", number(metric("hikaricp.connections", "VALUE")));
            }
            if (database != null) {
                try (ResultSet rs = database.createStatement().executeQuery(
                        "select count(*) from pg_stat_activity where backend_type = 'client backend'")) {
                    rs.next();
                    values.put("pg_backends", Integer.toString(rs.getInt(1)));
                } catch (Exception e) {
                    values.put("pg_backends", "");
                }
            }
            values.put("load_avg_1m", loadAverage());
            return values;
        }

        private double metric(String nameAndTags, String statistic) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(metrics
                        + "/actuator/metrics/" + nameAndTags)).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    return Double.NaN;
                }
                for (JsonNode m : ExchangeApi.JSON.readTree(response.body()).get("measurements")) {
                    if (m.get("statistic").asString().equals(statistic)) {
                        return m.get("value").asDouble();
                    }
                }
            } catch (Exception e) {
                return Double.NaN;
            }
            return Double.NaN;
        }

        private static String mb(double bytes) {
            return Double.isNaN(bytes) ? "" : String.format(Locale.ROOT, "%.1f", bytes / (1024 * 1024));
        }

        private static String number(double value) {
            return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.0f", value);
        }

        static String loadAverage() {
            try {
                return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
            } catch (IOException e) {
                return "";
            }
        }

        @Override
        public void close() throws Exception {
            if (database != null) {
                database.close();
            }
        }
    }
}
