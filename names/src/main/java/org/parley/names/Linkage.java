package org.parley.names;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Links a list of persons to another one: blocking, scoring of every candidate pair, then a one-to-one
 * assignment of matches. The assignment is greedy: all pairs at or above the match threshold are taken in
 * descending order of score, each accepted if neither of its persons is matched yet. (Greedy is not optimal in
 * theory, but with Fellegi–Sunter scores a person's true partner almost always has the clearly highest score,
 * and conflicts are rare enough that Hungarian assignment would not change the result measurably.)
 *
 * <p>Every left person gets at least one row: its match; else its candidates at or above the review threshold
 * (at most {@link #MAX_REVIEWS}, best first), which a person should look at; else a row with no partner.
 */
public final class Linkage {

    /**
     * A left person's best candidate is a match only if the second best is at least this much weaker (in
     * log-likelihood, here a factor of 10): with common names, a registry holds several people a short record
     * fits equally well, and choosing among them is for a person.
     */
    public static final double AMBIGUITY_MARGIN = Math.log(10);

    /** Review candidates listed per left person. */
    public static final int MAX_REVIEWS = 3;

    /**
     * Candidates kept per left person, best first (equal scores in right-list order). Only the best are ever
     * used: two for the ambiguity rule, {@link #MAX_REVIEWS} for review, a few more in case the best partners
     * are taken by others. Keeping every candidate would hold one scored pair per right person that fits: with
     * 2,000 × 2,000 identical names, four million at once. So memory grows with the records, not the pairs.
     */
    public static final int MAX_CANDIDATES = 10;

    /** A link decision. */
    public enum Decision { MATCH, REVIEW, NONE }

    /**
     * One output row.
     *
     * @param left position in the left list
     * @param right position in the right list, or -1 for {@link Decision#NONE}
     * @param score null for {@link Decision#NONE}
     */
    public record Link(int left, int right, Score score, Decision decision) {
    }

    /** Probability thresholds. */
    public record Thresholds(double match, double review) {
        /** The thresholds set from the benchmark: precision first for matches, generous for reviews. */
        public static final Thresholds DEFAULT = new Thresholds(0.70, 0.20);

        public Thresholds {
            if (!(review >= 0 && review <= match && match <= 1)) {
                throw new IllegalArgumentException("thresholds must satisfy 0 <= review <= match <= 1, not review "
                        + review + " and match " + match);
            }
        }
    }

    private final Scorer scorer = new Scorer();
    private final Thresholds thresholds;
    private final double margin;

    public Linkage(Thresholds thresholds) {
        this(thresholds, AMBIGUITY_MARGIN);
    }

    Linkage(Thresholds thresholds, double margin) {
        this.thresholds = thresholds;
        this.margin = margin;
    }

    /**
     * A linkage's rows, and how many left persons had more than {@link #MAX_CANDIDATES} candidates at or above
     * the review threshold (of which only the best were kept).
     */
    public record Result(List<Link> links, int crowdedLeftPersons) {
    }

    /**
     * Links every left person to the right list.
     *
     * @param progress told the number of left persons done so far, now and then (from any thread)
     */
    public List<Link> link(List<PreparedPerson> left, List<PreparedPerson> right, IntConsumer progress) {
        return run(left, right, progress).links();
    }

    /** Like {@link #link}, also counting the left persons whose candidates were cut to the best few. */
    public Result run(List<PreparedPerson> left, List<PreparedPerson> right, IntConsumer progress) {
        return run(left, CompactPersons.of(right), progress);
    }

    /** Like {@link #run(List, List, IntConsumer)}, with the right list already made compact. */
    public Result run(List<PreparedPerson> left, CompactPersons right, IntConsumer progress) {
        return run(left, right, right.index(), progress);
    }

    /**
     * Like {@link #run(List, List, IntConsumer)}, each left person compared only with the right ones {@code index}
     * names: a service's stored keys can name them, so that only the right persons sharing a key with the left
     * ones are read (see {@link Candidates}).
     */
    public Result run(List<PreparedPerson> left, List<PreparedPerson> right, Candidates index, IntConsumer progress) {
        return run(left, CompactPersons.of(right), index, progress);
    }

    /** The positions in the right list of the persons a left person is compared with. */
    public interface Candidates {
        int[] of(PreparedPerson left);
    }

    private Result run(List<PreparedPerson> left, CompactPersons right, Candidates index, IntConsumer progress) {
        // Below this weight a pair cannot reach the review threshold (with room for rounding): no Score is made.
        double leastWeight = Math.log(thresholds.review() / (1 - thresholds.review())) - Scorer.priorLogOdds() - 1e-6;
        AtomicInteger done = new AtomicInteger();
        AtomicInteger crowded = new AtomicInteger();
        // The left persons in a few runs per core, each run on one thread with one comparison, which remembers the
        // levels of the left name parts against each distinct one of the right list: met in the order of their
        // surnames, the left persons of one surname reuse them. Each person's candidates go to its own place.
        int[] bySurname = IntStream.range(0, left.size()).boxed()
                .sorted(Comparator.comparing((Integer i) -> surnameWritten(left.get(i)))).mapToInt(i -> i).toArray();
        int run = Math.max(1, left.size() / (4 * Runtime.getRuntime().availableProcessors()) + 1);
        @SuppressWarnings("unchecked")
        List<Link>[] found = new List[left.size()];
        IntStream.range(0, (left.size() + run - 1) / run).parallel().forEach(r -> {
            Scorer.Comparison comparison = new Scorer.Comparison();
            for (int at = r * run; at < Math.min(left.size(), (r + 1) * run); at++) {
                int i = bySurname[at];
                found[i] = candidates(i, left.get(i), right, index, comparison, leastWeight, crowded);
                int count = done.incrementAndGet();
                if (count % 1000 == 0) {
                    progress.accept(count);
                }
            }
        });
        List<List<Link>> candidates = Arrays.asList(found);
        return new Result(assign(left.size(), right.size(), candidates), crowded.get());
    }

    private static String surnameWritten(PreparedPerson person) {
        return person.name().surname() == null ? "" : person.name().surname().written();
    }

    /** A left person's candidates at or above the review threshold, the best {@link #MAX_CANDIDATES}, best first. */
    private List<Link> candidates(int i, PreparedPerson person, CompactPersons right, Candidates index,
            Scorer.Comparison comparison, double leastWeight, AtomicInteger crowded) {
        List<Link> found = new ArrayList<>();
        int above = 0;
        for (int j : index.of(person)) {
            if (!scorer.compare(person, right, j, comparison, leastWeight)) {
                continue;
            }
            Score score = comparison.score();
            if (score.probability() >= thresholds.review()) {
                above++;
                found.add(new Link(i, j, score, score.probability() >= thresholds.match()
                        ? Decision.MATCH : Decision.REVIEW));
                if (found.size() == 2 * MAX_CANDIDATES) {
                    keepBest(found);
                }
            }
        }
        keepBest(found);
        if (above > MAX_CANDIDATES) {
            crowded.incrementAndGet();
        }
        if (found.size() > 1 && found.get(1).score().weight() > found.get(0).score().weight() - margin) {
            // Two candidates about as good: neither is a match a machine should decide.
            found.replaceAll(l -> new Link(l.left(), l.right(), l.score(), Decision.REVIEW));
        }
        return found;
    }

    private static final Comparator<Link> BY_SCORE = Comparator.comparingDouble((Link l) -> l.score().weight())
            .reversed().thenComparingInt(Link::left).thenComparingInt(Link::right);

    /** Sorts a left person's candidates best first and drops all but {@link #MAX_CANDIDATES}. */
    private static void keepBest(List<Link> found) {
        found.sort(BY_SCORE);
        if (found.size() > MAX_CANDIDATES) {
            found.subList(MAX_CANDIDATES, found.size()).clear();
        }
    }

    private List<Link> assign(int leftSize, int rightSize, List<List<Link>> candidates) {
        List<Link> matchable = new ArrayList<>();
        candidates.forEach(list -> list.stream().filter(l -> l.decision() == Decision.MATCH).forEach(matchable::add));
        matchable.sort(BY_SCORE);
        Link[] matchOfLeft = new Link[leftSize];
        boolean[] rightTaken = new boolean[rightSize];
        for (Link link : matchable) {
            if (matchOfLeft[link.left()] == null && !rightTaken[link.right()]) {
                matchOfLeft[link.left()] = link;
                rightTaken[link.right()] = true;
            }
        }
        List<Link> rows = new ArrayList<>(leftSize);
        for (int i = 0; i < leftSize; i++) {
            if (matchOfLeft[i] != null) {
                rows.add(matchOfLeft[i]);
                continue;
            }
            List<Link> reviews = candidates.get(i).stream().limit(MAX_REVIEWS)
                    .map(l -> new Link(l.left(), l.right(), l.score(), Decision.REVIEW)).toList();
            if (reviews.isEmpty()) {
                rows.add(new Link(i, -1, null, Decision.NONE));
            } else {
                rows.addAll(reviews);
            }
        }
        return rows;
    }
}
