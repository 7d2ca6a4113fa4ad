package org.parley.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * "Left off the list" at scale, against the running Parley of {@code ExchangeReconcileRun} (after its versions of
 * Party A's request): {@code GET /api/v1/exchanges/{id}/left-off?party=party-a&kind=request} as the holder
 * (Party B's negotiator), the requester (Party A's) and the intermediary (its viewer), RUNS times each after one
 * warm-up, in turns; median and p95 of the round trips.
 *
 * <pre>
 * java -cp bench/target/parley-bench.jar org.parley.bench.LeftOffRun http://localhost:18080 [RUNS=15] [ROUND]
 * </pre>
 * ROUND defaults to the one {@code ExchangeReconcileRun} wrote to {@code /tmp/exchange-bench-round}.
 */
public final class LeftOffRun {

    private LeftOffRun() {
    }

    public static void main(String[] args) throws Exception {
        ExchangeApi api = new ExchangeApi(args.length > 0 ? args[0] : "http://localhost:8080");
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        String round = args.length > 2 ? args[2] : Files.readString(Path.of("/tmp/exchange-bench-round")).strip();
        Map<String, String> callers = Map.of("holder (negotiator@party-b)", api.token("negotiator@party-b"),
                "requester (negotiator@party-a)", api.token("negotiator@party-a"),
                "intermediary (viewer@intermediary)", api.token("viewer@intermediary"));
        String path = "/api/v1/exchanges/" + round + "/left-off?party=party-a&kind=request";
        Map<String, List<Long>> times = new java.util.LinkedHashMap<>();
        callers.keySet().stream().sorted().forEach(k -> times.put(k, new ArrayList<>()));
        for (int run = -1; run < runs; run++) {
            for (String who : times.keySet()) {
                long t0 = System.nanoTime();
                JsonNode figure = api.get(callers.get(who), path);
                long t = System.nanoTime() - t0;
                if (run < 0) {
                    System.out.printf("%s: total %,d (never listed %,d, removed %,d), first call %.0f ms%n", who,
                            figure.get("total").longValue(), figure.get("neverListed").longValue(),
                            figure.get("removed").longValue(), t / 1e6);
                } else {
                    times.get(who).add(t);
                }
            }
        }
        times.forEach((who, nanos) -> System.out.printf("%-36s %s%n", who, ExchangeApi.summary(nanos)));
    }
}
