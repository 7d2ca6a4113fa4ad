package org.parley.bench;

import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.parley.names.Language;
import org.parley.names.MatchKey;
import org.parley.names.Standard;
import org.parley.names.Transliteration;

/**
 * The person list's name search at scale (README, "Benchmarks"), against a running Parley: persons Party A holds,
 * drawn at random from its database, are searched for by Party A's registrar through {@code GET
 * /api/v1/persons?q=} — by their full Cyrillic name as registered, and by a Latin spelling of it (KMU 2010, BGN/PCGN,
 * ICAO 9303 or ISO 9, conventional English; given name first or surname first), by N concurrent clients. Reports
 * the latency percentiles of each kind, and how often the person searched for is on the first page (recognised by
 * service number, else by names and date of birth). Then the anchor: the naive {@code pg_trgm} similarity query
 * over the same persons' joined names, straight on the database, for some of the same queries.
 *
 * <pre>
 * java -Dparley.rate-limit.enabled=false -jar app/target/parley.jar demo --persons 1000000 --data-dir D --port 18080 &amp;
 * java -cp bench/target/parley-bench.jar org.parley.bench.SearchScaleRun http://localhost:18080 \
 *     jdbc:postgresql://localhost:PG_PORT/postgres [PERSONS=200] [CLIENTS=4] [ANCHOR_QUERIES=20] [WORDS=40] \
 *     [WARM_UP_PERSONS=1500]
 * </pre>
 * PG_PORT is line 4 of the data directory's {@code postmaster.pid}. WORDS single common words (surnames, given names)
 * are also timed, one client, as a bound for the searches with the most candidates. Before timing, the server is
 * warmed up by WARM_UP_PERSONS other persons' queries (a sample of its own) with the same clients: a server runs for
 * days, and the just-in-time compiler needs a few thousand searches to finish its work; the persons timed are not
 * among them, so their rows are not warm in the database's cache because of it.
 */
public final class SearchScaleRun {

    /** Seeds of the two samples: the persons timed, and the others that warm the server up. */
    private static final int MEASURED_SAMPLE = 2026;
    private static final int WARM_UP_SAMPLE = 7;
    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private String bearer;

    /** A person drawn from the registry and one query for them. */
    record Query(String kind, String text, String surname, String givenName, String serviceNumber, String born) {
    }

    private SearchScaleRun(String base) {
        this.base = base;
    }

    public static void main(String[] args) throws Exception {
        SearchScaleRun run = new SearchScaleRun(args[0]);
        String jdbc = args[1];
        int persons = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        int clients = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        int anchorQueries = args.length > 4 ? Integer.parseInt(args[4]) : 20;
        int commonWords = args.length > 5 ? Integer.parseInt(args[5]) : 40;
        int warmUpPersons = args.length > 6 ? Integer.parseInt(args[6]) : 1500;
        run.bearer = "Bearer " + run.token("registrar@party-a");
        List<Query> queries;
        List<String> common;
        try (Connection db = DriverManager.getConnection(jdbc, "postgres", "postgres")) {
            queries = sample(db, persons, MEASURED_SAMPLE);
            List<Query> warmUp = sample(db, warmUpPersons, WARM_UP_SAMPLE);
            Set<String> timed = queries.stream().map(Query::text).collect(Collectors.toSet());
            warmUp.removeIf(w -> timed.contains(w.text()));
            common = commonWords(db, commonWords);
            System.out.printf(Locale.ROOT, "%d queries for %d persons; %d clients; warm-up: %d other queries%n",
                    queries.size(), persons, clients, warmUp.size());
            run.warmUp(warmUp, clients);
            run.measure(queries, clients);
            run.measure(queries, 1);
            run.common(common);
            anchor(db, queries, anchorQueries);
        }
    }

    /** Persons Party A holds, at random, as queries in Cyrillic and in Latin letters. */
    private static List<Query> sample(Connection db, int persons, int seed) throws Exception {
        List<Query> queries = new ArrayList<>();
        Standard[] standards = {Standard.KMU_2010, Standard.BGN_PCGN, Standard.ICAO_9303, Standard.ISO_9,
                Standard.CONVENTIONAL};
        try (PreparedStatement select = db.prepareStatement("select p.surname, p.given_name, p.patronymic, "
                + "p.service_number, p.date_of_birth, o.code from person p join organisation h on h.id = "
                + "p.holding_party_id left join organisation o on o.id = p.power_of_origin_id where h.code = "
                + "'party-a' and p.given_name is not null and p.id in (select id from person tablesample "
                + "system (1) repeatable (?)) limit ?")) {
            select.setInt(1, seed);
            select.setInt(2, persons);
            ResultSet rs = select.executeQuery();
            int n = 0;
            while (rs.next()) {
                String surname = rs.getString(1);
                String given = rs.getString(2);
                String patronymic = rs.getString(3);
                String service = rs.getString(4);
                String born = rs.getString(5);
                Language language = "party-a".equals(rs.getString(6)) ? Language.UKRAINIAN : Language.RUSSIAN;
                String cyrillic = surname + " " + given + (patronymic == null ? "" : " " + patronymic);
                queries.add(new Query("cyrillic", cyrillic, surname, given, service, born));
                Standard standard = standards[n++ % standards.length];
                if (!standard.covers(language)) {
                    standard = Standard.BGN_PCGN;
                }
                String latinSurname = Transliteration.toLatin(surname, standard, language).orElse(surname);
                String latinGiven = Transliteration.toLatin(given, standard, language).orElse(given);
                String latin = n % 2 == 0 ? latinGiven + " " + latinSurname : latinSurname + " " + latinGiven;
                queries.add(new Query("latin", latin, surname, given, service, born));
            }
        }
        Collections.shuffle(queries, new java.util.Random(seed));
        return queries;
    }

    /** The commonest surnames and given names of the registry, half each. */
    private static List<String> commonWords(Connection db, int words) throws Exception {
        List<String> common = new ArrayList<>();
        for (String column : List.of("surname", "given_name")) {
            try (PreparedStatement select = db.prepareStatement("select " + column + " from person where " + column
                    + " is not null group by 1 order by count(*) desc limit ?")) {
                select.setInt(1, words / 2);
                ResultSet rs = select.executeQuery();
                while (rs.next()) {
                    common.add(rs.getString(1));
                }
            }
        }
        return common;
    }

    /** Searches for these queries with as many clients, answers unread. */
    private void warmUp(List<Query> queries, int clients) throws InterruptedException {
        concurrently(queries, clients, q -> search(q.text()));
    }

    /** Something done for one query, by one of the clients. */
    private interface QueryTask {
        void run(Query query) throws Exception;
    }

    /** Runs the task for every query, with as many clients each taking the next query, and waits for them all. */
    private static void concurrently(List<Query> queries, int clients, QueryTask task) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < queries.size(); i = next.getAndIncrement()) {
                    task.run(queries.get(i));
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.HOURS);
    }

    private void measure(List<Query> queries, int clients) throws Exception {
        Map<String, ConcurrentLinkedQueue<Long>> latencies = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> found = new ConcurrentHashMap<>();
        AtomicInteger errors = new AtomicInteger();
        ConcurrentLinkedQueue<Query> misses = new ConcurrentLinkedQueue<>();
        long started = System.nanoTime();
        concurrently(queries, clients, q -> {
            long t0 = System.nanoTime();
            try {
                String body = search(q.text());
                latencies.computeIfAbsent(q.kind(), k -> new ConcurrentLinkedQueue<>()).add(System.nanoTime() - t0);
                if (onFirstPage(q, body)) {
                    found.computeIfAbsent(q.kind(), k -> new AtomicInteger()).incrementAndGet();
                } else if (clients == 1) {
                    misses.add(q);
                }
            } catch (Exception e) {
                errors.incrementAndGet();
            }
        });
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "%d client(s): %d searches in %.1f s (%.1f/s), %d errors%n", clients,
                queries.size(), seconds, queries.size() / seconds, errors.get());
        List<Long> all = new ArrayList<>();
        for (var entry : latencies.entrySet()) {
            List<Long> times = new ArrayList<>(entry.getValue());
            all.addAll(times);
            System.out.printf(Locale.ROOT, "  %-8s %s, person on the first page %d of %d%n", entry.getKey(),
                    percentiles(times), found.getOrDefault(entry.getKey(), new AtomicInteger()).get(), times.size());
        }
        System.out.printf(Locale.ROOT, "  %-8s %s%n", "all", percentiles(all));
        for (Query q : misses) {
            System.out.println("  not on the first page: " + q.kind() + " \"" + q.text() + "\" (" + q.surname() + " "
                    + q.givenName() + "): " + place(q));
        }
    }

    /**
     * Where the person searched for is in the answer (pages of 200, the first ten), and how many of those ahead have
     * the same surname and given name as written: namesakes a query without a date of birth cannot tell apart.
     */
    private String place(Query q) throws Exception {
        Pattern item = Pattern.compile("\"surname\":\"([^\"]*)\",\"givenName\":\"([^\"]*)\"");
        int ahead = 0;
        int namesakes = 0;
        int sameKeys = 0;
        String surnameKey = MatchKey.of(q.surname());
        String givenKey = MatchKey.of(q.givenName());
        String total = "?";
        for (int page = 0; page < 10; page++) {
            String body = search(q.text(), "&size=200&page=" + page);
            Matcher t = Pattern.compile("\"total\":(\\d+)").matcher(body);
            total = t.find() ? t.group(1) : total;
            for (String one : body.split("\\{\"id\":")) {
                Matcher m = item.matcher(one);
                if (!m.find()) {
                    continue;
                }
                if (q.serviceNumber() != null ? one.contains("\"serviceNumber\":\"" + q.serviceNumber() + "\"")
                        : m.group(1).equals(q.surname()) && m.group(2).equals(q.givenName())) {
                    return String.format(Locale.ROOT, "number %d of %s; ahead of it %d with the same name as "
                            + "written, %d with the same name's keys", ahead + 1, total, namesakes, sameKeys);
                }
                ahead++;
                namesakes += m.group(1).equals(q.surname()) && m.group(2).equals(q.givenName()) ? 1 : 0;
                sameKeys += MatchKey.of(m.group(1)).equals(surnameKey) && MatchKey.of(m.group(2)).equals(givenKey)
                        ? 1 : 0;
            }
        }
        return "not in the first 2,000 of " + total;
    }

    private void common(List<String> words) throws Exception {
        List<Long> times = new ArrayList<>();
        long worst = 0;
        String worstWord = null;
        for (String word : words) {
            long t0 = System.nanoTime();
            search(word);
            long took = System.nanoTime() - t0;
            times.add(took);
            if (took > worst) {
                worst = took;
                worstWord = word;
            }
        }
        System.out.printf(Locale.ROOT, "common single words, 1 client: %s, slowest %s (%.0f ms)%n", percentiles(times),
                worstWord, worst / 1e6);
    }

    /** The naive query: trigram similarity of the joined names, best 50, no index of Parley's. */
    private static void anchor(Connection db, List<Query> queries, int count) throws Exception {
        List<Long> times = new ArrayList<>();
        int found = 0;
        try (PreparedStatement select = db.prepareStatement("select p.service_number, p.surname, p.given_name "
                + "from person p join organisation h on h.id = p.holding_party_id where h.code = 'party-a' and "
                + "concat_ws(' ', p.surname, p.given_name, p.patronymic) % ? order by similarity(concat_ws(' ', "
                + "p.surname, p.given_name, p.patronymic), ?) desc limit 50")) {
            for (Query q : queries.subList(0, Math.min(count, queries.size()))) {
                long t0 = System.nanoTime();
                select.setString(1, q.text());
                select.setString(2, q.text());
                ResultSet rs = select.executeQuery();
                boolean hit = false;
                while (rs.next()) {
                    hit |= q.serviceNumber() != null ? q.serviceNumber().equals(rs.getString(1))
                            : q.surname().equals(rs.getString(2)) && q.givenName().equals(rs.getString(3));
                }
                times.add(System.nanoTime() - t0);
                found += hit ? 1 : 0;
            }
        }
        System.out.printf(Locale.ROOT, "anchor, naive pg_trgm similarity (1 client, %d queries): %s, person in the "
                + "best 50 %d of %d%n", times.size(), percentiles(times), found, times.size());
    }

    private String search(String q) throws Exception {
        return search(q, "");
    }

    private String search(String q, String parameters) throws Exception {
        HttpURLConnection connection = KeptAliveHttp.open(base + "/api/v1/persons?q="
                + URLEncoder.encode(q, StandardCharsets.UTF_8) + parameters, bearer);
        int status = connection.getResponseCode();
        try (InputStream in = status == 200 ? connection.getInputStream() : connection.getErrorStream()) {
            String body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (status != 200) {
                throw new IllegalStateException(status + " " + body);
            }
            return body;
        }
    }

    /**
     * Whether the answer's page holds the person: the same service number, else the same surname and given name
     * (items are written with their fields in a fixed order, surname then given name).
     */
    private static boolean onFirstPage(Query q, String body) {
        if (q.serviceNumber() != null) {
            return body.contains("\"serviceNumber\":\"" + q.serviceNumber() + "\"");
        }
        return body.contains("\"surname\":\"" + q.surname() + "\",\"givenName\":\"" + q.givenName() + "\"");
    }

    private static String percentiles(List<Long> nanos) {
        if (nanos.isEmpty()) {
            return "none";
        }
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return String.format(Locale.ROOT, "median %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms",
                at(sorted, 0.50), at(sorted, 0.95), at(sorted, 0.99), sorted.get(sorted.size() - 1) / 1e6);
    }

    private static double at(List<Long> sorted, double quantile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1)) / 1e6;
    }

    private String token(String username) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\": \"" + username
                        + "\", \"password\": \"parley-demo\"}")).build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = TOKEN.matcher(response.body());
        if (!m.find()) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
        return m.group(1);
    }
}
