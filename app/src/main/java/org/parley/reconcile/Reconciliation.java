package org.parley.reconcile;

import java.io.PrintWriter;
import java.util.List;
import org.parley.names.CompactPersons;
import org.parley.names.Linkage;
import org.parley.names.PreparedPerson;

/**
 * One offline reconciliation: two lists read, prepared and linked.
 *
 * @param left the left list as read
 * @param right the right list as read
 * @param links every left person's rows (positions into the lists' records)
 */
public record Reconciliation(PersonList left, PersonList right, List<Linkage.Link> links) {

    /** Links two lists, both prepared already (as they were read), telling progress on {@code progress}. */
    public static Reconciliation run(PersonList left, List<PreparedPerson> preparedLeft, PersonList right,
            CompactPersons preparedRight, Linkage.Thresholds thresholds, PrintWriter progress) {
        long started = System.nanoTime();
        Linkage.Result linked = new Linkage(thresholds).run(preparedLeft, preparedRight,
                done -> progress.printf("linked %,d of %,d left records (%.1f s)%n", done, preparedLeft.size(),
                        seconds(started)));
        progress.flush();
        progress.printf("linked all %,d left records in %.1f s%n", preparedLeft.size(), seconds(started));
        if (linked.crowdedLeftPersons() > 0) {
            progress.printf("warning: %,d left records each have more than %d candidates in the right list "
                    + "(identical or near-identical names); only the best %d of each were kept for matching, at "
                    + "most %d listed for review%n", linked.crowdedLeftPersons(), Linkage.MAX_CANDIDATES,
                    Linkage.MAX_CANDIDATES, Linkage.MAX_REVIEWS);
        }
        return new Reconciliation(left, right, linked.links());
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    public long count(Linkage.Decision decision) {
        return links.stream().filter(l -> l.decision() == decision).mapToInt(Linkage.Link::left).distinct().count();
    }
}
