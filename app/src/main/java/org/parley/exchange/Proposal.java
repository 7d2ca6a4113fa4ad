package org.parley.exchange;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parley.registry.Status;
import org.parley.wishes.WishStatus;

/**
 * The rule that turns reconciled lists into an exchange list (README, "Exchange rounds"; GC III Art. 109–110):
 * a party releases the persons it holds in custody that the other party requested or that it offered, except
 * those no longer eligible or verified not to return. Seriously ill or wounded persons are always in and never
 * counted. The others are ranked — longest in captivity first, then requested before offered, then by id — and
 * the balance cuts each side's ranking. Every person in or out gets a reason a person can read. Pure: the
 * service gathers the candidates, this decides.
 */
public final class Proposal {

    /** How many each side releases: as many as the other, all it can, or a fixed number each way. */
    public enum Balance { N_FOR_N, ALL_FOR_ALL, FIXED }

    /** Why a person or a requested record is left out (the {@code code} of an exclusion). */
    enum Exclusion { NOT_FOUND, UNCONFIRMED, REJECTED, NOT_HELD, NOT_ELIGIBLE, VERIFIED_NOT_RETURNING, BEYOND_BALANCE }

    /**
     * A person a side could release, with what decides about them now.
     *
     * @param personId internal key
     * @param side the party holding the person in the list's terms (the releasing side)
     * @param holdingParty who holds the person according to the registry now
     */
    record Candidate(long personId, String ref, ReleaseSource source, String side, String holdingParty,
            Status status, boolean seriouslyIll, LocalDate captureDate, WishStatus wish, LocalDate wishVerifiedOn) {
    }

    /** A requested record that names no person a side could release, with the reason found in the reconciliation. */
    record Unresolved(String ref, String side, Exclusion code, String reason, Long personId) {
    }

    record Item(Candidate candidate, Integer priority, String reason, boolean countedInBalance) {
    }

    record Excluded(Long personId, String ref, String side, Exclusion code, String reason) {
    }

    /** What one side releases: everyone in, how many of them count, how many more there were, and the cut's shortfall. */
    record SideCounts(int released, int countedInBalance, int outsideBalance, int excluded, int shortBy) {
    }

    record Result(Map<String, List<Item>> releases, List<Excluded> excluded, Map<String, SideCounts> counts) {
    }

    private static final Comparator<Candidate> RANKING = Comparator
            .comparing(Candidate::captureDate, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(c -> c.source() == ReleaseSource.REQUEST ? 0 : 1)
            .thenComparingLong(Candidate::personId);

    private Proposal() {
    }

    /**
     * @param sides the two parties, in the round's order
     * @param candidates every person requested (found or confirmed) or offered, a person once per side
     * @param unresolved requested records that name nobody to release
     * @param count the number each way for {@link Balance#FIXED}
     * @param asOf the day captivity is counted to
     */
    static Result build(List<String> sides, List<Candidate> candidates, List<Unresolved> unresolved, Balance balance,
            Integer count, LocalDate asOf) {
        List<Excluded> excluded = new ArrayList<>();
        for (Unresolved u : unresolved) {
            excluded.add(new Excluded(u.personId(), u.ref(), u.side(), u.code(), u.reason()));
        }
        Map<String, List<Item>> art110 = new LinkedHashMap<>();
        Map<String, List<Candidate>> ranked = new LinkedHashMap<>();
        for (String side : sides) {
            art110.put(side, new ArrayList<>());
            ranked.put(side, new ArrayList<>());
        }
        for (Candidate c : candidates) {
            Excluded out = ineligible(c);
            if (out != null) {
                excluded.add(out);
            } else if (c.seriouslyIll()) {
                art110.get(c.side()).add(new Item(c, null, "Art. 110: seriously ill or wounded — outside the balance",
                        false));
            } else {
                ranked.get(c.side()).add(c);
            }
        }
        ranked.values().forEach(list -> list.sort(RANKING));
        Map<String, Integer> cuts = cuts(sides, ranked, balance, count);
        Map<String, List<Item>> releases = new LinkedHashMap<>();
        Map<String, SideCounts> counts = new LinkedHashMap<>();
        for (String side : sides) {
            List<Item> items = new ArrayList<>();
            List<Candidate> order = ranked.get(side);
            int cut = cuts.get(side);
            for (int i = 0; i < order.size(); i++) {
                Candidate c = order.get(i);
                int rank = i + 1;
                if (rank <= cut) {
                    items.add(new Item(c, rank, captivity(c.captureDate(), asOf) + ", " + ordinal(rank) + " of " + cut,
                            true));
                } else {
                    excluded.add(new Excluded(c.personId(), c.ref(), side, Exclusion.BEYOND_BALANCE,
                            "beyond the balance: " + ordinal(rank) + " of " + cut));
                }
            }
            items.addAll(art110.get(side));
            releases.put(side, items);
            int wanted = balance == Balance.FIXED ? count : cut;
            long excludedOfSide = excluded.stream().filter(e -> e.side().equals(side)).count();
            counts.put(side, new SideCounts(items.size(), cut, art110.get(side).size(), (int) excludedOfSide,
                    Math.max(0, wanted - cut)));
        }
        return new Result(releases, excluded, counts);
    }

    /** How many each side's ranking keeps. */
    private static Map<String, Integer> cuts(List<String> sides, Map<String, List<Candidate>> ranked, Balance balance,
            Integer count) {
        int fewest = ranked.values().stream().mapToInt(List::size).min().orElse(0);
        Map<String, Integer> cuts = new LinkedHashMap<>();
        for (String side : sides) {
            int available = ranked.get(side).size();
            cuts.put(side, switch (balance) {
                case N_FOR_N -> fewest;
                case ALL_FOR_ALL -> available;
                case FIXED -> Math.min(count, available);
            });
        }
        return cuts;
    }

    /** Why a candidate cannot be released now, or null. */
    private static Excluded ineligible(Candidate c) {
        if (!c.side().equals(c.holdingParty())) {
            return new Excluded(c.personId(), c.ref(), c.side(), Exclusion.NOT_HELD, "not held by " + c.side());
        }
        if (!c.status().inCustody()) {
            return new Excluded(c.personId(), c.ref(), c.side(), Exclusion.NOT_ELIGIBLE,
                    "not eligible: " + notInCustody(c.status()));
        }
        if (c.wish() == WishStatus.VERIFIED_NOT_RETURNING) {
            return new Excluded(c.personId(), c.ref(), c.side(), Exclusion.VERIFIED_NOT_RETURNING,
                    "verified wish not to return, " + c.wishVerifiedOn());
        }
        return null;
    }

    private static String notInCustody(Status status) {
        return switch (status) {
            case DIED -> "died";
            case EXCHANGED -> "already exchanged";
            case REPATRIATED -> "already repatriated";
            case RELEASED -> "already released";
            case ESCAPED -> "escaped";
            case REMAINED -> "remained after an earlier exchange";
            default -> status.name();
        };
    }

    /** "in captivity since 2022-03-14 (4 y 8 m)". */
    static String captivity(LocalDate captured, LocalDate asOf) {
        if (captured == null) {
            return "capture date not recorded";
        }
        Period period = Period.between(captured, asOf);
        return "in captivity since " + captured + " (" + period.getYears() + " y " + period.getMonths() + " m)";
    }

    /** 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 101st, 111th. */
    static String ordinal(int n) {
        int lastTwo = n % 100;
        String suffix = lastTwo >= 11 && lastTwo <= 13 ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return n + suffix;
    }
}
