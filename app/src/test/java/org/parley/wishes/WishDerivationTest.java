package org.parley.wishes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The wish status for every sequence of up to three statements (each wish, taken verified or not), checked
 * against the rules stated separately below, and named cases for corrections, withdrawals and contradictions.
 */
class WishDerivationTest {

    private static final LocalDate DAY0 = LocalDate.of(2025, 1, 1);

    /** A statement kind: a wish, verified (intermediary's private interview) or not. */
    private record Kind(Wish wish, boolean verified) {
    }

    private static List<Kind> kinds() {
        List<Kind> kinds = new ArrayList<>();
        for (Wish wish : Wish.values()) {
            kinds.add(new Kind(wish, false));
            kinds.add(new Kind(wish, true));
        }
        return kinds;
    }

    private static Statement statement(long id, int day, Kind kind, Long replaces) {
        return new Statement(id, 1, kind.wish(), kind.verified() ? StatementMethod.PRIVATE_INTERVIEW
                : StatementMethod.INTERROGATION, kind.verified() ? "intermediary" : "party-a", kind.verified(),
                "someone", DAY0.plusDays(day), null, null, null, null, kind.verified(), replaces, Instant.EPOCH);
    }

    /** The rules of the issue, applied to statements in the order taken. */
    private static WishStatus expected(List<Kind> sequence) {
        int lastVerified = -1;
        for (int i = 0; i < sequence.size(); i++) {
            if (sequence.get(i).verified()) {
                lastVerified = i;
            }
        }
        if (lastVerified >= 0 && sequence.get(lastVerified).wish() != Wish.UNDECIDED) {
            Wish governing = sequence.get(lastVerified).wish();
            return governing == Wish.RETURN ? WishStatus.VERIFIED_RETURN : WishStatus.VERIFIED_NOT_RETURNING;
        }
        boolean claimSince = sequence.subList(lastVerified + 1, sequence.size()).stream()
                .anyMatch(k -> !k.verified() && k.wish() != Wish.UNDECIDED);
        return claimSince ? WishStatus.UNVERIFIED_CLAIM : WishStatus.UNKNOWN;
    }

    private static boolean expectedReinterview(List<Kind> sequence) {
        int lastVerified = -1;
        for (int i = 0; i < sequence.size(); i++) {
            if (sequence.get(i).verified()) {
                lastVerified = i;
            }
        }
        List<Kind> later = sequence.subList(lastVerified + 1, sequence.size()).stream()
                .filter(k -> !k.verified() && k.wish() != Wish.UNDECIDED).toList();
        if (lastVerified >= 0 && sequence.get(lastVerified).wish() != Wish.UNDECIDED) {
            boolean governingDeclines = sequence.get(lastVerified).wish() != Wish.RETURN;
            return later.stream().anyMatch(k -> (k.wish() != Wish.RETURN) != governingDeclines);
        }
        return later.stream().anyMatch(k -> k.wish() == Wish.RETURN)
                && later.stream().anyMatch(k -> k.wish() != Wish.RETURN);
    }

    @Test
    void everySequenceOfUpToThreeStatements() {
        List<List<Kind>> sequences = new ArrayList<>();
        sequences.add(List.of());
        for (int length = 1; length <= 3; length++) {
            List<List<Kind>> longer = new ArrayList<>();
            for (List<Kind> sequence : sequences) {
                if (sequence.size() == length - 1) {
                    for (Kind kind : kinds()) {
                        List<Kind> next = new ArrayList<>(sequence);
                        next.add(kind);
                        longer.add(next);
                    }
                }
            }
            sequences.addAll(longer);
        }
        assertThat(sequences).hasSize(1 + 8 + 64 + 512);
        for (List<Kind> sequence : sequences) {
            List<Statement> statements = new ArrayList<>();
            for (int i = 0; i < sequence.size(); i++) {
                statements.add(statement(i + 1, i, sequence.get(i), null));
            }
            DerivedWish derived = WishDerivation.derive(statements);
            assertThat(derived.status()).as(sequence.toString()).isEqualTo(expected(sequence));
            assertThat(derived.contradicted()).as("reinterview " + sequence).isEqualTo(expectedReinterview(sequence));
            // the order statements are given in does not matter, only the order they were taken in
            List<Statement> reversed = new ArrayList<>(statements);
            Collections.reverse(reversed);
            assertThat(WishDerivation.derive(reversed)).isEqualTo(derived);
        }
    }

    @Test
    void theLatestVerifiedStatementGovernsAndItsDateIsKept() {
        DerivedWish wish = WishDerivation.derive(List.of(
                statement(1, 0, new Kind(Wish.RETURN, true), null),
                statement(2, 10, new Kind(Wish.ASYLUM, true), null)));
        assertThat(wish.status()).isEqualTo(WishStatus.VERIFIED_NOT_RETURNING);
        assertThat(wish.verifiedOn()).isEqualTo(DAY0.plusDays(10));
        assertThat(wish.needsInterview()).isFalse();
    }

    @Test
    void aLaterContradictingClaimFlagsButDoesNotOverturnAVerifiedWish() {
        DerivedWish wish = WishDerivation.derive(List.of(
                statement(1, 0, new Kind(Wish.RETURN, true), null),
                statement(2, 5, new Kind(Wish.NOT_RETURN, false), null)));
        assertThat(wish.status()).isEqualTo(WishStatus.VERIFIED_RETURN);
        assertThat(wish.contradicted()).isTrue();
        assertThat(wish.oldestClaimOn()).isEqualTo(DAY0.plusDays(5));
        assertThat(wish.needsInterview()).isTrue();
    }

    @Test
    void aClaimBeforeTheVerifiedStatementIsSettledByIt() {
        DerivedWish wish = WishDerivation.derive(List.of(
                statement(1, 0, new Kind(Wish.NOT_RETURN, false), null),
                statement(2, 5, new Kind(Wish.RETURN, true), null)));
        assertThat(wish.status()).isEqualTo(WishStatus.VERIFIED_RETURN);
        assertThat(wish.contradicted()).isFalse();
    }

    @Test
    void aWithdrawnOrCorrectedStatementNoLongerCounts() {
        Statement claim = statement(1, 0, new Kind(Wish.NOT_RETURN, false), null);
        Statement withdrawal = statement(2, 3, new Kind(Wish.UNDECIDED, false), 1L);
        assertThat(WishDerivation.derive(List.of(claim)).status()).isEqualTo(WishStatus.UNVERIFIED_CLAIM);
        assertThat(WishDerivation.derive(List.of(claim, withdrawal)).status()).isEqualTo(WishStatus.UNKNOWN);

        Statement verified = statement(3, 4, new Kind(Wish.ASYLUM, true), null);
        Statement corrected = statement(4, 4, new Kind(Wish.RETURN, true), 3L);
        assertThat(WishDerivation.derive(List.of(verified, corrected)).status()).isEqualTo(WishStatus.VERIFIED_RETURN);
    }

    @Test
    void unverifiedClaimsThatContradictEachOtherNeedAnInterview() {
        DerivedWish wish = WishDerivation.derive(List.of(
                statement(1, 0, new Kind(Wish.RETURN, false), null),
                statement(2, 1, new Kind(Wish.ASYLUM, false), null)));
        assertThat(wish.status()).isEqualTo(WishStatus.UNVERIFIED_CLAIM);
        assertThat(wish.contradicted()).isTrue();
        assertThat(wish.oldestClaimOn()).isEqualTo(DAY0);
    }
}
