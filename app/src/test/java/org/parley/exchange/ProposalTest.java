package org.parley.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.exchange.Proposal.Balance;
import org.parley.exchange.Proposal.Candidate;
import org.parley.exchange.Proposal.Exclusion;
import org.parley.exchange.Proposal.Result;
import org.parley.registry.Status;
import org.parley.wishes.WishStatus;

/** The proposal rule against hand-built cases. */
class ProposalTest {

    private static final List<String> SIDES = List.of("party-a", "party-b");
    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 30);

    private static Candidate held(long id, String side, LocalDate captured) {
        return new Candidate(id, "ref-" + id, ReleaseSource.REQUEST, side, side, Status.INTERNED, false, captured,
                WishStatus.UNKNOWN, null);
    }

    private static Candidate offered(long id, String side, LocalDate captured) {
        return new Candidate(id, "ref-" + id, ReleaseSource.OFFER, side, side, Status.INTERNED, false, captured,
                WishStatus.UNKNOWN, null);
    }

    private static Candidate ill(long id, String side) {
        return new Candidate(id, "ref-" + id, ReleaseSource.REQUEST, side, side, Status.HOSPITALISED, true,
                LocalDate.of(2025, 1, 1), WishStatus.UNKNOWN, null);
    }

    private static List<Long> released(Result result, String side) {
        return result.releases().get(side).stream().map(i -> i.candidate().personId()).toList();
    }

    private static Proposal.Excluded excluded(Result result, long id) {
        return result.excluded().stream().filter(e -> e.personId() != null && e.personId() == id).findFirst()
                .orElseThrow();
    }

    @Test
    void seriouslyIllOrWoundedAreAlwaysInAndNeverCounted() {
        List<Candidate> candidates = List.of(held(1, "party-a", LocalDate.of(2023, 1, 1)), ill(2, "party-a"),
                ill(3, "party-a"), held(4, "party-b", LocalDate.of(2024, 1, 1)));
        Result result = Proposal.build(SIDES, candidates, List.of(), Balance.N_FOR_N, null, AS_OF);
        assertThat(released(result, "party-a")).containsExactly(1L, 2L, 3L);
        assertThat(released(result, "party-b")).containsExactly(4L);
        Proposal.Item art110 = result.releases().get("party-a").get(1);
        assertThat(art110.countedInBalance()).isFalse();
        assertThat(art110.priority()).isNull();
        assertThat(art110.reason()).isEqualTo("Art. 110: seriously ill or wounded — outside the balance");
        assertThat(result.counts().get("party-a").countedInBalance()).isEqualTo(1);
        assertThat(result.counts().get("party-a").outsideBalance()).isEqualTo(2);
        // even when the other side releases nobody
        Result alone = Proposal.build(SIDES, List.of(ill(2, "party-a"), held(1, "party-a", AS_OF.minusDays(1))),
                List.of(), Balance.N_FOR_N, null, AS_OF);
        assertThat(released(alone, "party-a")).containsExactly(2L);
        assertThat(excluded(alone, 1).reason()).isEqualTo("beyond the balance: 1st of 0");
    }

    @Test
    void nForNCutsTheLongerRankingByTimeInCaptivity() {
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            candidates.add(held(10 + i, "party-a", LocalDate.of(2022, 3, 14).plusMonths(i)));
        }
        candidates.add(held(20, "party-b", LocalDate.of(2023, 6, 1)));
        candidates.add(held(21, "party-b", LocalDate.of(2022, 6, 1)));
        candidates.add(offered(22, "party-b", LocalDate.of(2022, 6, 1)));
        Result result = Proposal.build(SIDES, candidates, List.of(), Balance.N_FOR_N, null, AS_OF);
        assertThat(released(result, "party-a")).containsExactly(10L, 11L, 12L);
        assertThat(released(result, "party-b")).as("same day: requested before offered").containsExactly(21L, 22L, 20L);
        Proposal.Item first = result.releases().get("party-a").get(0);
        assertThat(first.reason()).isEqualTo("in captivity since 2022-03-14 (4 y 8 m), 1st of 3");
        assertThat(first.priority()).isEqualTo(1);
        assertThat(excluded(result, 13).reason()).isEqualTo("beyond the balance: 4th of 3");
        assertThat(excluded(result, 13).code()).isEqualTo(Exclusion.BEYOND_BALANCE);
        assertThat(excluded(result, 14).reason()).isEqualTo("beyond the balance: 5th of 3");
        assertThat(result.counts().get("party-a").excluded()).isEqualTo(2);
    }

    @Test
    void allForAllReleasesEveryoneEligible() {
        List<Candidate> candidates = List.of(held(1, "party-a", LocalDate.of(2024, 1, 1)),
                held(2, "party-a", LocalDate.of(2024, 2, 1)), held(3, "party-a", null));
        Result result = Proposal.build(SIDES, candidates, List.of(), Balance.ALL_FOR_ALL, null, AS_OF);
        assertThat(released(result, "party-a")).containsExactly(1L, 2L, 3L);
        assertThat(result.releases().get("party-a").get(2).reason())
                .isEqualTo("capture date not recorded, 3rd of 3");
        assertThat(released(result, "party-b")).isEmpty();
    }

    @Test
    void fixedWithTooFewSaysHowManyAreMissing() {
        List<Candidate> candidates = List.of(held(1, "party-a", LocalDate.of(2024, 1, 1)),
                held(2, "party-a", LocalDate.of(2024, 2, 1)), held(3, "party-a", LocalDate.of(2024, 3, 1)),
                held(4, "party-b", LocalDate.of(2024, 1, 1)));
        Result result = Proposal.build(SIDES, candidates, List.of(), Balance.FIXED, 2, AS_OF);
        assertThat(released(result, "party-a")).containsExactly(1L, 2L);
        assertThat(released(result, "party-b")).containsExactly(4L);
        assertThat(result.counts().get("party-a").shortBy()).isZero();
        assertThat(result.counts().get("party-b").shortBy()).isEqualTo(1);
        assertThat(excluded(result, 3).reason()).isEqualTo("beyond the balance: 3rd of 2");
    }

    @Test
    void theIneligibleAndThoseVerifiedNotToReturnAreExcludedWithTheirReason() {
        LocalDate captured = LocalDate.of(2024, 1, 1);
        List<Candidate> candidates = List.of(
                new Candidate(1, "r1", ReleaseSource.REQUEST, "party-a", "party-a", Status.DIED, false, captured,
                        WishStatus.UNKNOWN, null),
                new Candidate(2, "r2", ReleaseSource.REQUEST, "party-a", "party-a", Status.ESCAPED, true, captured,
                        WishStatus.UNKNOWN, null),
                new Candidate(3, "r3", ReleaseSource.REQUEST, "party-a", "party-a", Status.INTERNED, true, captured,
                        WishStatus.VERIFIED_NOT_RETURNING, LocalDate.of(2026, 10, 2)),
                new Candidate(4, "r4", ReleaseSource.OFFER, "party-a", "party-b", Status.INTERNED, false, captured,
                        WishStatus.UNKNOWN, null),
                new Candidate(5, "r5", ReleaseSource.REQUEST, "party-a", "party-a", Status.INTERNED, false, captured,
                        WishStatus.UNVERIFIED_CLAIM, null));
        Result result = Proposal.build(SIDES, candidates, List.of(new Proposal.Unresolved("r6", "party-a",
                Exclusion.UNCONFIRMED, "ambiguous match, not confirmed by party-a", null)), Balance.ALL_FOR_ALL, null,
                AS_OF);
        assertThat(released(result, "party-a")).as("an unverified claim does not keep anyone back").containsExactly(5L);
        assertThat(excluded(result, 1).reason()).isEqualTo("not eligible: died");
        assertThat(excluded(result, 2).reason()).as("Art. 110 does not release an escaped person")
                .isEqualTo("not eligible: escaped");
        assertThat(excluded(result, 3).reason()).isEqualTo("verified wish not to return, 2026-10-02");
        assertThat(excluded(result, 3).code()).isEqualTo(Exclusion.VERIFIED_NOT_RETURNING);
        assertThat(excluded(result, 4).reason()).isEqualTo("not held by party-a");
        assertThat(result.excluded()).anySatisfy(e -> assertThat(e.ref()).isEqualTo("r6"));
        assertThat(result.counts().get("party-a").excluded()).isEqualTo(5);
    }

    @Test
    void ordinalsAndDurations() {
        assertThat(List.of(1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111, 112, 341).stream().map(Proposal::ordinal))
                .containsExactly("1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "101st", "111th",
                        "112th", "341st");
        assertThat(Proposal.captivity(LocalDate.of(2022, 3, 14), AS_OF))
                .isEqualTo("in captivity since 2022-03-14 (4 y 8 m)");
    }
}
