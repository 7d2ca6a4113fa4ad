package org.parley.bench;

import java.util.List;
import java.util.Map;
import org.parley.names.Linkage;
import org.parley.names.PreparedPerson;
import org.parley.names.testdata.Accuracy;
import org.parley.names.testdata.GeneratedLists;
import org.parley.names.testdata.ListPairGenerator;

/**
 * Accuracy of {@code match} decisions on generated lists (see {@link ListPairGenerator} for the noise model),
 * Parley side by side with two baselines on the same data: PostgreSQL pg_trgm and Duke 1.2. Each baseline is
 * shown at several thresholds (its best F1 is the fair comparison); times include every step from the lists in
 * memory to the decisions.
 *
 * <pre>java -cp bench/target/parley-bench.jar org.parley.bench.AccuracyRun [pairs] [seed]</pre>
 */
public final class AccuracyRun {

    private AccuracyRun() {
    }

    public static void main(String[] args) throws Exception {
        int pairs = args.length > 0 ? Integer.parseInt(args[0]) : 12_000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 2026;
        GeneratedLists lists = new ListPairGenerator(seed).generate(pairs, pairs / 10, pairs * 2);
        System.out.printf("Generated: %,d left, %,d right, %,d true pairs (seed %d)%n", lists.left().size(),
                lists.right().size(), lists.truth().size(), seed);

        long started = System.nanoTime();
        List<PreparedPerson> left = lists.left().parallelStream().map(PreparedPerson::of).toList();
        List<PreparedPerson> right = lists.right().parallelStream().map(PreparedPerson::of).toList();
        List<Linkage.Link> links = new Linkage(Linkage.Thresholds.DEFAULT).link(left, right, done -> { });
        double parleySeconds = seconds(started);
        List<Map.Entry<String, String>> parley = links.stream().filter(l -> l.decision() == Linkage.Decision.MATCH)
                .map(l -> Map.entry(lists.left().get(l.left()).id(), lists.right().get(l.right()).id())).toList();
        report("Parley (threshold " + Linkage.Thresholds.DEFAULT.match() + ")", Accuracy.of(parley, lists.truth()),
                parleySeconds);

        started = System.nanoTime();
        Map<String, Baseline.Best> trigram = TrigramBaseline.link(lists.left(), lists.right());
        double trigramSeconds = seconds(started);
        for (double threshold : new double[] {0.5, 0.6, 0.7, 0.8}) {
            report("pg_trgm similarity >= " + threshold, Accuracy.of(Baseline.matches(trigram, threshold),
                    lists.truth()), trigramSeconds);
        }

        started = System.nanoTime();
        Map<String, Baseline.Best> duke = DukeBaseline.link(lists.left(), lists.right());
        double dukeSeconds = seconds(started);
        for (double threshold : new double[] {0.5, 0.9, 0.95, 0.98, 0.99}) {
            report("Duke 1.2 confidence >= " + threshold, Accuracy.of(Baseline.matches(duke, threshold),
                    lists.truth()), dukeSeconds);
        }
    }

    private static void report(String name, Accuracy accuracy, double seconds) {
        System.out.printf("%-32s %s  time %.1f s%n", name, accuracy, seconds);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
