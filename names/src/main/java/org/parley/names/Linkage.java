package org.parley.names;

import java.util.ArrayList;
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
        return run(left, right, BlockingIndex.of(right), progress);
    }

    /**
     * Like {@link #run(List, List, IntConsumer)}, with the right persons each left person is compared with found
     * elsewhere: for a right list read from a database that stores every person's blocking keys, where only the
     * persons sharing a key with the left ones are read (see {@link Candidates}).
     */
    public Result run(List<PreparedPerson> left, List<PreparedPerson> right, Candidates index, IntConsumer progress) {
        AtomicInteger done = new AtomicInteger();
        AtomicInteger crowded = new AtomicInteger();
        List<List<Link>> candidates = IntStream.range(0, left.size()).parallel().mapToObj(i -> {
            List<Link> found = new ArrayList<>();
            int above = 0;
            PreparedPerson person = left.get(i);
            for (int j : index.of(person)) {
                // most candidates fall below the review threshold: only their weight is computed
                if (Scorer.probability(scorer.weight(person, right.get(j))) < thresholds.review()) {
                    continue;
                }
                Score score = scorer.score(person, right.get(j));
                above++;
                found.add(new Link(i, j, score, score.probability() >= thresholds.match()
                        ? Decision.MATCH : Decision.REVIEW));
                if (found.size() == 2 * MAX_CANDIDATES) {
                    keepBest(found);
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
            int count = done.incrementAndGet();
            if (count % 1000 == 0) {
                progress.accept(count);
            }
            return found;
        }).toList();
        return new Result(assign(left.size(), right.size(), candidates), crowded.get());
    }

    /**
     * The positions in the right list of the persons a left person is compared with, ascending, each once. The
     * linkage's result is that of {@link BlockingIndex} over the whole right list whenever these are the persons
     * that index would give: those sharing a blocking key (in either name order) whose block, counted over the whole
     * right list, holds at most {@link BlockingIndex#MAX_BLOCK} persons.
     */
    @FunctionalInterface
    public interface Candidates {
        int[] of(PreparedPerson left);
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
