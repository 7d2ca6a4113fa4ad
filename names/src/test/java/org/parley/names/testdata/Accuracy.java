package org.parley.names.testdata;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * Precision, recall and F1 of match decisions against a ground truth.
 *
 * @param truePositives matches that pair the right persons
 * @param falsePositives matches that pair different persons
 * @param falseNegatives true pairs not matched
 */
public record Accuracy(long truePositives, long falsePositives, long falseNegatives) {

    /** Scores (left id, right id) match pairs against {@code truth} (left id → right id). */
    public static Accuracy of(List<Map.Entry<String, String>> matches, Map<String, String> truth) {
        BiPredicate<String, String> isTrue = (l, r) -> r.equals(truth.get(l));
        long tp = matches.stream().filter(m -> isTrue.test(m.getKey(), m.getValue())).count();
        long fp = matches.size() - tp;
        return new Accuracy(tp, fp, truth.size() - tp);
    }

    public double precision() {
        return truePositives + falsePositives == 0 ? 0 : (double) truePositives / (truePositives + falsePositives);
    }

    public double recall() {
        return truePositives + falseNegatives == 0 ? 0 : (double) truePositives / (truePositives + falseNegatives);
    }

    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "precision %.4f, recall %.4f, F1 %.4f (TP %d, FP %d, FN %d)", precision(),
                recall(), f1(), truePositives, falsePositives, falseNegatives);
    }
}
