package org.parley.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The exchange list and the handover at scale (issue 12, "Measured"), against a running Parley whose demo world is
 * large, through the API as the parties' and the intermediary's users call it:
 * <ol>
 * <li><b>Proposal.</b> Party A's negotiator opens a round with Party B; each party submits an offer of LIST persons
 * it holds in custody (INTERNED) and a request of LIST other persons the other party holds in custody, notified to
 * it, all by {@code personId}; then the intermediary's negotiator asks for a proposal ({@code POST
 * /api/v1/exchanges/{id}/proposals}, {@code N_FOR_N}) PROPOSALS times (each makes a new version from the same
 * lists: about 2 × LIST candidates a side). The figure is the answer's wall time (the version built, stored with
 * its audit entry, and its JSON document sent).</li>
 * <li><b>Completion.</b> ROUNDS times, on a fresh round: each party offers HANDOVER / 2 other persons it holds in
 * custody (not seriously ill or wounded, who would come outside the balance, nor verified not to return); the
 * intermediary's negotiator proposes {@code FIXED} HANDOVER / 2; both parties' negotiators approve; each party's
 * registrar records its persons TRANSFERRED; the intermediary's negotiator completes the handover ({@code POST
 * …/handover/complete}): in one transaction an EXCHANGED event (with its audit entry) for each of the HANDOVER
 * persons, the round EXECUTED and its report. The figure is that request's wall time.</li>
 * </ol>
 * Persons are read as each party's negotiator, a capture week at a time ({@code GET /api/v1/persons?holdingParty=
 * …&status=INTERNED&capturedFrom=…&capturedTo=…}, 200 a page), newest week first. With SERVER_PID the server's CPU
 * time for each request is read from /proc (the JVM's threads, user and system, not the database's processes).
 *
 * <pre>
 * java -Dparley.rate-limit.enabled=false -jar app/target/parley.jar demo --persons 1000000 --data-dir /tmp/abench \
 *     --port 18080 &amp;
 * java -cp bench/target/parley-bench.jar org.parley.bench.AgreementRun http://localhost:18080 SERVER_PID \
 *     [LIST=10000] [PROPOSALS=5] [HANDOVER=1200] [ROUNDS=5]
 * </pre>
 * Each run exchanges ROUNDS × HANDOVER persons of the demo world: run it on a fresh data directory to compare.
 */
public final class AgreementRun {

    private static final List<String> PARTIES = List.of("party-a", "party-b");

    private AgreementRun() {
    }

    public static void main(String[] args) throws Exception {
        ExchangeApi api = new ExchangeApi(args.length > 0 ? args[0] : "http://localhost:8080");
        long pid = args.length > 1 ? Long.parseLong(args[1]) : -1;
        int list = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        int proposals = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        int handover = args.length > 4 ? Integer.parseInt(args[4]) : 1_200;
        int rounds = args.length > 5 ? Integer.parseInt(args[5]) : 5;
        int half = handover / 2;
        Map<String, String> negotiator = Map.of("party-a", api.token("negotiator@party-a"),
                "party-b", api.token("negotiator@party-b"));
        Map<String, String> registrar = Map.of("party-a", api.token("registrar@party-a"),
                "party-b", api.token("registrar@party-b"));
        String intermediary = api.token("negotiator@intermediary");

        // each party's persons in custody: its offer, the other's request (notified ones), the handovers' persons
        Map<String, List<String>> offered = new java.util.HashMap<>();
        Map<String, List<String>> requested = new java.util.HashMap<>();
        Map<String, List<String>> handedOver = new java.util.HashMap<>();
        for (String party : PARTIES) {
            long t0 = System.nanoTime();
            List<List<String>> buckets = persons(api, negotiator.get(party), party, List.of(
                    new Bucket(list, p -> true),
                    new Bucket(list, p -> p.hasNonNull("notifiedOn")),
                    new Bucket(half * rounds, p -> !Boolean.TRUE.equals(value(p, "seriouslyIllOrWounded"))
                            && !"VERIFIED_NOT_RETURNING".equals(value(p, "wishStatus")))));
            offered.put(party, buckets.get(0));
            requested.put(party, buckets.get(1));
            handedOver.put(party, buckets.get(2));
            System.out.printf("%s: read %,d persons in custody in %.1f s%n", party, 2 * list + half * rounds,
                    (System.nanoTime() - t0) / 1e9);
        }

        // 1. proposals over lists of LIST persons a side
        String round = open(api, negotiator.get("party-a"), "Scale run: proposal over lists of " + list);
        for (String party : PARTIES) {
            String other = other(party);
            submit(api, negotiator.get(party), round, party, "offer", offered.get(party));
            submit(api, negotiator.get(party), round, party, "request", requested.get(other));
        }
        System.out.printf("round %s: offers and requests of %,d persons a side submitted%n", round, list);
        List<Long> times = new ArrayList<>();
        for (int run = 0; run < proposals; run++) {
            double cpu = ExchangeReconcileRun.cpuSeconds(pid);
            long t0 = System.nanoTime();
            JsonNode version = api.post(intermediary, "/api/v1/exchanges/" + round + "/proposals",
                    "{\"balance\": \"N_FOR_N\"}", 201);
            long t = System.nanoTime() - t0;
            times.add(t);
            JsonNode counts = version.get("counts");
            System.out.printf("proposal %d (version %d): %.2f s, server CPU %.1f s; released %s / %s, excluded "
                    + "%,d%n", run + 1, version.get("version").intValue(), t / 1e9,
                    ExchangeReconcileRun.cpuSeconds(pid) - cpu, released(counts, "party-a"),
                    released(counts, "party-b"), version.get("excluded").size());
        }
        System.out.println("proposal (N_FOR_N over " + list + " offered and " + list + " requested a side): "
                + ExchangeApi.summary(times));

        // 2. completions of handovers of HANDOVER persons, each on a fresh round
        List<Long> completions = new ArrayList<>();
        for (int run = 0; run < rounds; run++) {
            String fresh = open(api, negotiator.get("party-a"), "Scale run: handover of " + handover + " (" + (run + 1)
                    + ")");
            String base = "/api/v1/exchanges/" + fresh;
            Map<String, List<String>> persons = new java.util.HashMap<>();
            for (String party : PARTIES) {
                persons.put(party, handedOver.get(party).subList(run * half, (run + 1) * half));
                submit(api, negotiator.get(party), fresh, party, "offer", persons.get(party));
            }
            long t0 = System.nanoTime();
            JsonNode version = api.post(intermediary, base + "/proposals",
                    "{\"balance\": \"FIXED\", \"count\": " + half + "}", 201);
            long proposed = System.nanoTime() - t0;
            int number = version.get("version").intValue();
            t0 = System.nanoTime();
            for (String party : PARTIES) {
                api.post(negotiator.get(party), base + "/exchange-list/versions/" + number + "/approvals", "{}", 201);
            }
            long approved = System.nanoTime() - t0;
            t0 = System.nanoTime();
            for (String party : PARTIES) {
                ObjectNode body = JsonNodeFactory.instance.objectNode();
                ArrayNode entries = body.putArray("entries");
                version.get("releases").get(party).forEach(item -> entries.addObject()
                        .put("personId", item.get("personId").stringValue()).put("outcome", "TRANSFERRED"));
                api.post(registrar.get(party), base + "/handover", body.toString(), 201);
            }
            long recorded = System.nanoTime() - t0;
            double cpu = ExchangeReconcileRun.cpuSeconds(pid);
            t0 = System.nanoTime();
            JsonNode done = api.post(intermediary, base + "/handover/complete", "", 200);
            long t = System.nanoTime() - t0;
            double cpuUsed = ExchangeReconcileRun.cpuSeconds(pid) - cpu;
            completions.add(t);
            JsonNode report = api.get(intermediary, base + "/report");
            int transferred = 0;
            for (String party : PARTIES) {
                transferred += report.get("sides").get(party).get("transferred").intValue();
            }
            System.out.printf("round %d: proposal %.2f s, approvals %.2f s, outcomes %.2f s; completion %.2f s "
                    + "(server CPU %.1f s), %s, %,d transferred%n", run + 1, proposed / 1e9, approved / 1e9,
                    recorded / 1e9, t / 1e9, cpuUsed, done.get("state").stringValue(), transferred);
        }
        System.out.println("completion of a handover of " + handover + ": " + ExchangeApi.summary(completions));
    }

    private static String other(String party) {
        return party.equals("party-a") ? "party-b" : "party-a";
    }

    private static String released(JsonNode counts, String party) {
        return String.format("%,d", counts.get(party).get("released").intValue());
    }

    private static String open(ExchangeApi api, String negotiator, String title) throws Exception {
        ObjectNode open = JsonNodeFactory.instance.objectNode().put("counterparty", "party-b")
                .put("intermediary", "intermediary").put("title", title);
        return api.post(negotiator, "/api/v1/exchanges", open.toString(), 201).get("id").stringValue();
    }

    /** Version 1 of a party's list: the persons by id. */
    private static void submit(ExchangeApi api, String negotiator, String round, String party, String kind,
            List<String> personIds) throws Exception {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("basedOn", 0);
        ArrayNode entries = body.putArray("entries");
        personIds.forEach(id -> entries.addObject().put("personId", id));
        api.post(negotiator, "/api/v1/exchanges/" + round + "/lists/" + party + "/" + kind + "/versions",
                body.toString(), 201);
    }

    /** Persons wanted: how many, and which. */
    private record Bucket(int count, Predicate<JsonNode> fits) {
    }

    private static Object value(JsonNode person, String field) {
        JsonNode value = person.get(field);
        return value == null || value.isNull() ? null : value.isBoolean() ? (Object) value.booleanValue()
                : value.stringValue();
    }

    /**
     * Ids of persons {@code holder} holds, INTERNED, read as {@code token}'s user a capture week at a time, newest
     * first: each person goes to the first bucket not yet full that it fits, until all are full.
     */
    private static List<List<String>> persons(ExchangeApi api, String token, String holder, List<Bucket> buckets)
            throws Exception {
        List<List<String>> ids = new ArrayList<>();
        buckets.forEach(b -> ids.add(new ArrayList<>(b.count())));
        int wanted = buckets.stream().mapToInt(Bucket::count).sum();
        int[] have = {0};
        LocalDate to = LocalDate.now();
        for (int week = 0; have[0] < wanted && week < 52 * 10; week++) {
            LocalDate from = to.minusDays(6);
            for (int page = 0; have[0] < wanted; page++) {
                JsonNode answer = api.get(token, "/api/v1/persons?holdingParty=" + holder + "&status=INTERNED"
                        + "&capturedFrom=" + from + "&capturedTo=" + to + "&size=200&page=" + page);
                for (JsonNode person : answer.get("items")) {
                    for (int b = 0; b < buckets.size(); b++) {
                        if (ids.get(b).size() < buckets.get(b).count() && buckets.get(b).fits().test(person)) {
                            ids.get(b).add(person.get("id").stringValue());
                            have[0]++;
                            break;
                        }
                    }
                }
                if (answer.get("items").size() < 200) {
                    break;
                }
            }
            to = from.minusDays(1);
        }
        if (have[0] < wanted) {
            throw new IllegalStateException("only " + have[0] + " persons of " + holder + " fit; " + wanted
                    + " wanted: a larger demo world is needed");
        }
        return ids;
    }
}
