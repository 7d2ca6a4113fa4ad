package org.parley.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.parley.api.Caller;
import org.parley.api.PublicIds;
import org.parley.exchange.AgreementService;
import org.parley.exchange.EntryInput;
import org.parley.exchange.ExchangeListDocument;
import org.parley.exchange.ExchangeListService;
import org.parley.exchange.ExchangeService;
import org.parley.exchange.HandoverOutcome;
import org.parley.exchange.HandoverService;
import org.parley.exchange.ListKind;
import org.parley.exchange.ListService;
import org.parley.exchange.Proposal;
import org.parley.registry.EventInput;
import org.parley.registry.EventType;
import org.parley.registry.Lifecycle;
import org.parley.registry.NewPerson;
import org.parley.registry.PersonField;
import org.parley.registry.Status;
import org.parley.wishes.StatementInput;
import org.parley.wishes.StatementMethod;
import org.parley.wishes.Wish;
import org.parley.wishes.WishService;
import org.parley.wishes.WishStatus;

/**
 * The demo world's executed round (README, "Command line"), built through the exchange services as the parties,
 * the intermediary and their users would have built it some weeks before the round in negotiation: Party B opened
 * it; each party asked for persons the other holds (by registry id) and offered persons it holds; the
 * intermediary's negotiator proposed the exchange list (as many each way); both parties approved it, the
 * intermediary witnessed; between the agreement and the handover one of Party B's detainees told the detaining
 * power, then the intermediary in private, that he does not wish to return; at the handover the parties'
 * registrars recorded their persons transferred, but for one of Party A's who did not appear, and the
 * intermediary's registrar recorded the one who declined; the intermediary's negotiator completed the handover.
 *
 * <p>Its persons are taken from the end of each party's shuffled detainees, which the round in negotiation reaches
 * last: persons in custody, notified to their power of origin, with nothing recorded of them since before the
 * round began and no statement about going home.
 */
final class DemoExecutedRound {

    static final String TITLE = "Humanitarian exchange of detainees";
    /** Persons of the other party each party asks for, and persons each offers (the last two also asked for). */
    static final int REQUESTED = 8;
    static final int OFFERED = 6;
    private static final int ASKED_AND_OFFERED = 2;
    private static final int PER_SIDE = REQUESTED + OFFERED - ASKED_AND_OFFERED;

    /** Days before the load of each step (hours later on the same day where two share one). */
    static final int OPENED = 150;
    private static final int PROPOSED = 133;
    private static final int APPROVED_A = 127;
    private static final int APPROVED_B = 125;
    private static final int WITNESSED = 124;
    private static final int CLAIMED = 121;
    private static final int INTERVIEWED = 119;
    static final int HANDED_OVER = 117;

    static final String DID_NOT_APPEAR_NOTE = "Admitted to the camp's infirmary the night before; not brought to the "
            + "crossing point. To be offered again.";
    static final String DECLINED_NOTE = "Declined at the crossing point, before the intermediary's delegate; the "
            + "private interview confirmed he does not wish to return.";

    private final ExchangeService exchanges;
    private final ListService lists;
    private final ExchangeListService exchangeLists;
    private final AgreementService agreements;
    private final HandoverService handovers;
    private final WishService wishes;
    private final PublicIds publicIds;
    private final Function<String, Caller> users;
    private long millis;

    DemoExecutedRound(ExchangeService exchanges, ListService lists, ExchangeListService exchangeLists,
            AgreementService agreements, HandoverService handovers, WishService wishes, PublicIds publicIds,
            Function<String, Caller> users) {
        this.exchanges = exchanges;
        this.lists = lists;
        this.exchangeLists = exchangeLists;
        this.agreements = agreements;
        this.handovers = handovers;
        this.wishes = wishes;
        this.publicIds = publicIds;
        this.users = users;
    }

    /**
     * Builds the round in the current transaction.
     *
     * @param heldByA Party A's detainees (world indexes), in the order the round in negotiation goes through them;
     *     {@code heldByB} Party B's
     * @return the status each person of the round has after it (world index), for the rounds that follow
     */
    Map<Integer, Status> build(List<NewPerson> world, List<Long> ids, List<Integer> heldByA, List<Integer> heldByB,
            Instant now) {
        long started = System.nanoTime();
        Instant opened = days(now, OPENED, 0);
        List<Integer> ofA = chosen(world, ids, heldByA, LocalDate.ofInstant(opened, ZoneOffset.UTC));
        List<Integer> ofB = chosen(world, ids, heldByB, LocalDate.ofInstant(opened, ZoneOffset.UTC));
        Caller negotiatorA = users.apply("negotiator@party-a");
        Caller negotiatorB = users.apply("negotiator@party-b");
        Caller intermediary = users.apply("negotiator@intermediary");

        String round = exchanges.open(negotiatorB, "party-a", "intermediary", TITLE, opened).publicId();
        submit(negotiatorB, round, "party-b", ListKind.REQUEST, ids, ofA.subList(0, REQUESTED), days(now, 145, 0));
        submit(negotiatorB, round, "party-b", ListKind.OFFER, ids, ofB.subList(PER_SIDE - OFFERED, PER_SIDE),
                days(now, 144, 0));
        submit(negotiatorA, round, "party-a", ListKind.REQUEST, ids, ofB.subList(0, REQUESTED), days(now, 141, 0));
        submit(negotiatorA, round, "party-a", ListKind.OFFER, ids, ofA.subList(PER_SIDE - OFFERED, PER_SIDE),
                days(now, 140, 0));
        ExchangeListDocument list = exchangeLists.propose(intermediary, round, Proposal.Balance.N_FOR_N, null,
                days(now, PROPOSED, 0));
        agreements.approve(negotiatorA, round, list.version(), "party-a", days(now, APPROVED_A, 0));
        agreements.approve(negotiatorB, round, list.version(), "party-b", days(now, APPROVED_B, 0));
        agreements.approve(intermediary, round, list.version(), "intermediary", days(now, WITNESSED, 0));

        Map<Long, Integer> indexOf = new HashMap<>();
        ofA.forEach(i -> indexOf.put(ids.get(i), i));
        ofB.forEach(i -> indexOf.put(ids.get(i), i));
        List<ExchangeListDocument.Item> releasedA = list.releases().get("party-a");
        List<ExchangeListDocument.Item> releasedB = list.releases().get("party-b");
        String absent = lastCounted(releasedA, world, indexOf).personId();
        String declining = lastCounted(releasedB, world, indexOf).personId();
        declines(world.get(indexOf.get(publicIds.parse(PublicIds.Kind.PERSON, declining))),
                publicIds.parse(PublicIds.Kind.PERSON, declining), now);

        Instant handover = days(now, HANDED_OVER, 0);
        handovers.record(users.apply("registrar@party-a"), round, outcomes(releasedA, absent,
                HandoverOutcome.DID_NOT_APPEAR, DID_NOT_APPEAR_NOTE), handover.plusSeconds(3600));
        handovers.record(users.apply("registrar@party-b"), round, outcomes(releasedB, declining, null, null),
                handover.plusSeconds(3900));
        handovers.record(users.apply("registrar@intermediary"), round, List.of(new HandoverService.EntryInput(
                declining, HandoverOutcome.DECLINED, DECLINED_NOTE)), handover.plusSeconds(4500));
        handovers.complete(intermediary, round, handover.plusSeconds(3 * 3600));

        Map<Integer, Status> after = new LinkedHashMap<>();
        for (List<ExchangeListDocument.Item> released : List.of(releasedA, releasedB)) {
            for (ExchangeListDocument.Item item : released) {
                int i = indexOf.get(publicIds.parse(PublicIds.Kind.PERSON, item.personId()));
                after.put(i, item.personId().equals(declining) ? Status.REMAINED : Status.EXCHANGED);
            }
        }
        after.remove(indexOf.get(publicIds.parse(PublicIds.Kind.PERSON, absent)));
        millis = (System.nanoTime() - started) / 1_000_000;
        return after;
    }

    /** How long building the round took, in milliseconds (for the demo's log). */
    long millis() {
        return millis;
    }

    /**
     * The round's persons of one party: from the end of {@code pool}, persons in custody, notified, with nothing
     * recorded since before {@code before} and no statement about going home.
     */
    private List<Integer> chosen(List<NewPerson> world, List<Long> ids, List<Integer> pool, LocalDate before) {
        List<Integer> fit = new ArrayList<>();
        for (int k = pool.size() - 1; k >= 0 && fit.size() < 4 * PER_SIDE; k--) {
            NewPerson person = world.get(pool.get(k));
            List<EventInput> events = person.events();
            if (Lifecycle.replayInputs(events).status().inCustody()
                    && events.stream().anyMatch(e -> e.type() == EventType.NOTIFIED)
                    && events.get(events.size() - 1).occurredOn().isBefore(before)) {
                fit.add(pool.get(k));
            }
        }
        Map<Long, WishStatus> said = wishes.statuses(fit.stream().map(ids::get).toList());
        List<Integer> chosen = fit.stream().filter(i -> said.get(ids.get(i)) == WishStatus.UNKNOWN).limit(PER_SIDE)
                .toList();
        if (chosen.size() < PER_SIDE) {
            throw new IllegalStateException("the demo world has too few persons for its executed round");
        }
        return chosen;
    }

    private void submit(Caller negotiator, String round, String party, ListKind kind, List<Long> ids,
            List<Integer> persons, Instant at) {
        List<EntryInput> entries = persons.stream().map(i -> publicIds.of(PublicIds.Kind.PERSON, ids.get(i)))
                .map(id -> new EntryInput(null, id, null, null, null, null, null, null, null, null, null)).toList();
        lists.submit(negotiator, round, party, kind, 0, entries, List.of(), at);
    }

    /**
     * After the agreement the person tells the detaining power's registrar, then the intermediary's interviewer in
     * private, that he does not wish to return: a verified statement, which DECLINED at the handover needs.
     */
    private void declines(NewPerson person, long id, Instant now) {
        String place = (String) person.facts().get(PersonField.INTERNMENT_PLACE);
        wishes.record(users.apply("registrar@party-b"), id, new StatementInput(Wish.NOT_RETURN,
                StatementMethod.INTERROGATION, day(now, CLAIMED), place, "ru", false,
                "Узнав о включении в список обмена, заявил, что не желает возвращаться.", null));
        wishes.record(users.apply("interviewer@intermediary"), id, new StatementInput(Wish.NOT_RETURN,
                StatementMethod.PRIVATE_INTERVIEW, day(now, INTERVIEWED), place, "ru", true,
                "Spoke with the interviewer alone, with an interpreter; does not wish to return and understands "
                        + "that he stays in custody.", null));
    }

    private static List<HandoverService.EntryInput> outcomes(List<ExchangeListDocument.Item> released, String other,
            HandoverOutcome otherOutcome, String otherNote) {
        List<HandoverService.EntryInput> entries = new ArrayList<>();
        for (ExchangeListDocument.Item item : released) {
            if (!item.personId().equals(other)) {
                entries.add(new HandoverService.EntryInput(item.personId(), HandoverOutcome.TRANSFERRED, null));
            } else if (otherOutcome != null) {
                entries.add(new HandoverService.EntryInput(item.personId(), otherOutcome, otherNote));
            }
        }
        return entries;
    }

    /** The last person of a side counted in the balance (not released under Art. 110), a man. */
    private ExchangeListDocument.Item lastCounted(List<ExchangeListDocument.Item> released, List<NewPerson> world,
            Map<Long, Integer> indexOf) {
        ExchangeListDocument.Item last = null;
        for (ExchangeListDocument.Item item : released) {
            NewPerson person = world.get(indexOf.get(publicIds.parse(PublicIds.Kind.PERSON, item.personId())));
            if (item.countedInBalance() && "MALE".equals(String.valueOf(person.facts().get(PersonField.SEX)))) {
                last = item;
            }
        }
        if (last == null) {
            throw new IllegalStateException("the demo's executed round releases no man counted in the balance");
        }
        return last;
    }

    /**
     * 09:00 UTC on the day {@code days} before {@code now}, plus {@code hours}: a step of the round and what follows it
     * the same hour stay on that day, whatever the time the demo is loaded at (the handover's completion, three hours
     * after its start, fell on the next day when the demo was loaded after 21:00).
     */
    private static Instant days(Instant now, int days, int hours) {
        return day(now, days).atTime(9, 0).toInstant(ZoneOffset.UTC).plus(Duration.ofHours(hours));
    }

    private static LocalDate day(Instant now, int days) {
        return LocalDate.ofInstant(now.minus(Duration.ofDays(days)), ZoneOffset.UTC);
    }
}
