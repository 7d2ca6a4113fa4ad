package org.parley.wishes;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Derives the wish status from statements (README, "Repatriation wishes"):
 * <ol>
 * <li>statements replaced by a later one (corrected or withdrawn) do not count;</li>
 * <li>the latest verified statement governs: return, or not returning (does not wish to / asylum);</li>
 * <li>a later unverified claim the other way does not change that, but flags the person for a new interview;</li>
 * <li>without a governing verified wish (none, or the latest verified one is "undecided"), any claim made since
 * makes an unverified claim; otherwise the wish is unknown.</li>
 * </ol>
 * Statements are ordered by the day they were taken, then by the order they were recorded.
 */
final class WishDerivation {

    private static final Comparator<Statement> ORDER = Comparator.comparing(Statement::takenOn)
            .thenComparing(Statement::id);

    private WishDerivation() {
    }

    static DerivedWish derive(List<Statement> statements) {
        Set<Long> replaced = statements.stream().map(Statement::replaces).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        List<Statement> active = statements.stream().filter(s -> !replaced.contains(s.id())).sorted(ORDER).toList();
        Statement governing = null;
        for (Statement statement : active) {
            if (statement.verified()) {
                governing = statement;
            }
        }
        List<Statement> later = governing == null ? active : active.subList(active.indexOf(governing) + 1,
                active.size());
        List<Statement> claims = later.stream().filter(s -> !s.verified() && s.wish().isClaim()).toList();
        if (governing != null && governing.wish().isClaim()) {
            Wish verified = governing.wish();
            Statement contradiction = claims.stream().filter(c -> c.wish().contradicts(verified)).findFirst()
                    .orElse(null);
            return new DerivedWish(verified.declines() ? WishStatus.VERIFIED_NOT_RETURNING : WishStatus.VERIFIED_RETURN,
                    governing.takenOn(), contradiction != null, contradiction == null ? null : contradiction.takenOn());
        }
        if (!claims.isEmpty()) {
            boolean claimsDisagree = claims.stream().anyMatch(a -> a.wish().contradicts(claims.get(0).wish()));
            return new DerivedWish(WishStatus.UNVERIFIED_CLAIM, null, claimsDisagree, claims.get(0).takenOn());
        }
        return DerivedWish.UNKNOWN;
    }
}
