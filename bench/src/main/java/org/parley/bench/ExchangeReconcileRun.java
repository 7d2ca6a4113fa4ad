package org.parley.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * An exchange request list reconciled at scale through the service, against a running Parley whose demo world is
 * large: Party A's negotiator opens a round with Party B and submits a request of ENTRIES records
 * ({@code POST /api/v1/exchanges/{id}/lists/party-a/request/versions}), which the server reconciles against every
 * person Party B holds or held before it answers; the answer's wall time is the figure. The same list is
 * submitted RUNS times (versions 1, 2, …; each is reconciled anew). While it runs, the server's resident memory
 * (VmRSS of PID, from /proc) is sampled every 50 ms, and the CPU time the server used for each submission is read
 * from /proc too (user and system; the JVM's threads, not the database's processes).
 *
 * <p>The records ({@link RequestedRecords}): 90 % are persons Party B holds, of Party A's origin, sampled by
 * capture day (so names come as often as in the registry) and mostly in custody, written as Party A writes them;
 * 10 % are persons nobody holds. The ground truth gives the accuracy of the holder's view of the reconciliation:
 * found the right person, found a wrong one, ambiguous (with or without the right one among the candidates), not
 * found.
 *
 * <pre>
 * java -Dparley.rate-limit.enabled=false -jar app/target/parley.jar demo --persons 1000000 --data-dir /tmp/xbench \
 *     --port 18080 --parley.max-body-bytes=16777216 &amp;
 * java -cp bench/target/parley-bench.jar org.parley.bench.ExchangeReconcileRun http://localhost:18080 SERVER_PID \
 *     [ENTRIES=10000] [RUNS=3]
 * </pre>
 * The round's id is written to {@code /tmp/exchange-bench-round} for {@code LeftOffRun}.
 */
public final class ExchangeReconcileRun {

    private ExchangeReconcileRun() {
    }

    public static void main(String[] args) throws Exception {
        ExchangeApi api = new ExchangeApi(args.length > 0 ? args[0] : "http://localhost:8080");
        long pid = args.length > 1 ? Long.parseLong(args[1]) : -1;
        int size = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        String requester = api.token("negotiator@party-a");
        String holder = api.token("negotiator@party-b");
        String registrar = api.token("registrar@party-b");

        int held = size * 9 / 10;
        long started = System.nanoTime();
        List<JsonNode> persons = sample(api, registrar, held);
        System.out.printf("sampled %,d persons Party B holds in %.1f s%n", persons.size(),
                (System.nanoTime() - started) / 1e9);
        RequestedRecords records = new RequestedRecords(2026);
        ArrayNode entries = JsonNodeFactory.instance.arrayNode();
        Map<String, String> truth = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
            String ref = String.format("PA-%06d", i + 1);
            if (i < held) {
                entries.add(records.of(ref, persons.get(i)));
                truth.put(ref, persons.get(i).get("id").stringValue());
            } else {
                entries.add(records.madeUp(ref, persons));
                truth.put(ref, null);
            }
        }
        shuffle(entries);
        Files.writeString(Path.of("/tmp/exchange-bench-entries.json"), entries.toString());

        ObjectNode open = JsonNodeFactory.instance.objectNode().put("counterparty", "party-b")
                .put("intermediary", "intermediary").put("title", "Scale run: " + size + " requested records");
        String round = api.post(requester, "/api/v1/exchanges", open.toString(), 201).get("id").stringValue();
        Files.writeString(Path.of("/tmp/exchange-bench-round"), round);
        String versions = "/api/v1/exchanges/" + round + "/lists/party-a/request/versions";
        System.out.printf("round %s; body of %,d entries%n", round, size);
        List<Long> times = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            ObjectNode body = JsonNodeFactory.instance.objectNode().put("basedOn", run);
            body.set("entries", entries);
            String json = body.toString();
            long rssBefore = rss(pid);
            double cpuBefore = cpuSeconds(pid);
            AtomicLong peak = new AtomicLong(rssBefore);
            ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
            sampler.scheduleAtFixedRate(() -> peak.accumulateAndGet(rss(pid), Math::max), 0, 50,
                    TimeUnit.MILLISECONDS);
            long t0 = System.nanoTime();
            api.post(requester, versions, json, 201);
            long t = System.nanoTime() - t0;
            sampler.shutdownNow();
            times.add(t);
            System.out.printf("version %d: %.2f s, server CPU %.1f s (body %.1f MB); server RSS %,d MB before, "
                    + "peak %,d MB%n", run + 1, t / 1e9, cpuSeconds(pid) - cpuBefore, json.length() / 1e6,
                    rssBefore >> 20, peak.get() >> 20);
        }
        System.out.println("submission to stored matches: " + ExchangeApi.summary(times));

        long t0 = System.nanoTime();
        JsonNode view = api.get(holder, versions + "/" + runs + "/reconciliation");
        System.out.printf("holder's view of the reconciliation read in %.2f s; counts %s%n",
                (System.nanoTime() - t0) / 1e9, view.get("counts"));
        accuracy(view, truth);
    }

    /**
     * About {@code count} persons Party B holds of Party A's origin, read as its registrar a capture day at a time
     * (random days of the four years), mostly in custody: a party asks for the persons it believes held.
     */
    private static List<JsonNode> sample(ExchangeApi api, String registrar, int count) throws Exception {
        Random random = new Random(1949);
        List<JsonNode> persons = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        LocalDate today = LocalDate.now();
        while (persons.size() < count) {
            LocalDate day = today.minusDays(1 + random.nextInt(4 * 365));
            for (int page = 0; page < 5 && persons.size() < count; page++) {
                JsonNode answer = api.get(registrar, "/api/v1/persons?holdingParty=party-b&powerOfOrigin=party-a"
                        + "&capturedFrom=" + day + "&capturedTo=" + day + "&size=200&page=" + page);
                for (JsonNode person : answer.get("items")) {
                    boolean inCustody = List.of("CAPTURED", "INTERNED", "HOSPITALISED")
                            .contains(person.get("status").stringValue());
                    if ((inCustody || random.nextInt(100) < 10) && seen.add(person.get("id").stringValue())
                            && persons.size() < count) {
                        persons.add(person);
                    }
                }
                if (answer.get("items").size() < 200) {
                    break;
                }
            }
        }
        return persons;
    }

    private static void shuffle(ArrayNode entries) {
        Random random = new Random(7);
        List<JsonNode> list = new ArrayList<>();
        entries.forEach(list::add);
        java.util.Collections.shuffle(list, random);
        entries.removeAll();
        list.forEach(entries::add);
    }

    /** The holder's view against the truth. */
    private static void accuracy(JsonNode view, Map<String, String> truth) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String key : List.of("held: found right", "held: found wrong", "held: ambiguous, right among candidates",
                "held: ambiguous, right not among them", "held: not found", "not held: not found",
                "not held: found (wrong)", "not held: ambiguous")) {
            counts.put(key, 0);
        }
        Map<String, Integer> heldTotal = new HashMap<>();
        for (JsonNode item : view.get("items")) {
            String ref = item.get("ref").stringValue();
            String right = truth.get(ref);
            String outcome = item.get("outcome").stringValue();
            String person = item.get("personId").isNull() ? null : item.get("personId").stringValue();
            String key;
            if (right != null) {
                heldTotal.merge("held", 1, Integer::sum);
                key = switch (outcome) {
                    case "FOUND", "NOT_ELIGIBLE" -> right.equals(person) ? "held: found right" : "held: found wrong";
                    case "AMBIGUOUS" -> {
                        boolean among = false;
                        for (JsonNode c : item.get("candidates")) {
                            among |= right.equals(c.get("personId").stringValue());
                        }
                        yield among ? "held: ambiguous, right among candidates" : "held: ambiguous, right not among them";
                    }
                    default -> "held: not found";
                };
            } else {
                key = switch (outcome) {
                    case "NOT_FOUND" -> "not held: not found";
                    case "AMBIGUOUS" -> "not held: ambiguous";
                    default -> "not held: found (wrong)";
                };
            }
            counts.merge(key, 1, Integer::sum);
        }
        System.out.println("accuracy against the truth (FOUND and NOT_ELIGIBLE name a person):");
        counts.forEach((k, v) -> System.out.printf("  %-42s %,6d%n", k, v));
        int found = counts.get("held: found right") + counts.get("held: found wrong")
                + counts.get("not held: found (wrong)");
        System.out.printf("  precision of found %.4f, found right of held %.4f%n",
                counts.get("held: found right") / (double) Math.max(1, found),
                counts.get("held: found right") / (double) Math.max(1, heldTotal.getOrDefault("held", 0)));
    }

    /**
     * The CPU time a process has used, user and system, in seconds (from /proc/PID/stat, in clock ticks of 1/100 s):
     * a figure other work on the machine does not lengthen, unlike the wall time. 0 when unknown.
     */
    static double cpuSeconds(long pid) {
        if (pid <= 0) {
            return 0;
        }
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
        } catch (Exception e) {
            return 0;
        }
    }

    /** The resident memory of a process in bytes (VmRSS), 0 when unknown. */
    private static long rss(long pid) {
        if (pid <= 0) {
            return 0;
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (Exception e) {
            return 0;
        }
        return 0;
    }
}
