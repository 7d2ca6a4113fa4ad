package org.parley.demo;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.parley.api.Caller;
import org.parley.registry.EventType;
import org.parley.registry.Lifecycle;
import org.parley.registry.NewPerson;
import org.parley.registry.PersonField;
import org.parley.registry.PersonInput;
import org.parley.wishes.StatementInput;
import org.parley.wishes.StatementMethod;
import org.parley.wishes.Wish;
import org.parley.wishes.WishService;

/**
 * Statements about repatriation for the demo world: about one detainee in eight has a claim the detaining
 * power heard in questioning; the intermediary has interviewed some of them in private (most confirm the claim,
 * some say otherwise), and a few of those have been contradicted by a later claim. The interview queue and every
 * wish status thus have examples. Only the first {@value #PERSONS_PER_SIDE} persons of each side are considered,
 * so that the large worlds of scale runs start in reasonable time.
 */
final class DemoStatements {

    private static final Map<String, List<String>> CLAIMS = Map.of(
            "uk", List.of("Під час опитування заявив, що не бажає повертатися.",
                    "Сказав, що хоче повернутися до родини.", "Просить притулку, посилаючись на загрозу переслідування."),
            "ru", List.of("При опросе заявил, что не желает возвращаться.",
                    "Сказал, что хочет вернуться к семье.", "Просит убежища, ссылаясь на угрозу преследования."));
    private static final List<String> INTERVIEWS = List.of(
            "Spoke with the interviewer alone; confirmed the wish without hesitation.",
            "Spoke with the interviewer alone; said the earlier statement was made under pressure.",
            "Spoke with the interviewer alone; asked that the family not be told the details.");

    static final int PERSONS_PER_SIDE = 5_000;

    private final Random random;
    private final WishService wishes;

    DemoStatements(long seed, WishService wishes) {
        this.random = new Random(seed);
        this.wishes = wishes;
    }

    /**
     * @param world the persons as generated, {@code ids} their ids as loaded
     * @param registrars the registrar of each party, by party code; {@code interviewer} the intermediary's
     */
    int record(List<NewPerson> world, List<Long> ids, Map<String, Caller> registrars, Caller interviewer,
            LocalDate today) {
        int recorded = 0;
        Map<String, Integer> considered = new HashMap<>();
        for (int i = 0; i < world.size(); i++) {
            PersonInput facts = world.get(i).facts();
            String holder = (String) facts.get(PersonField.HOLDING_PARTY);
            if (considered.merge(holder, 1, Integer::sum) > PERSONS_PER_SIDE || !inCustody(world.get(i))
                    || random.nextInt(8) != 0) {
                continue;
            }
            long id = ids.get(i);
            String language = holder.equals("party-a") ? "uk" : "ru";
            String place = (String) facts.get(PersonField.INTERNMENT_PLACE);
            LocalDate claimedOn = day(((LocalDate) facts.get(PersonField.CAPTURE_DATE)).plusDays(5), today);
            Wish claim = claim();
            wishes.record(registrars.get(holder), id, new StatementInput(claim, StatementMethod.INTERROGATION,
                    claimedOn, place, language, false,
                    CLAIMS.get(language).get(claim == Wish.RETURN ? 1 : claim == Wish.ASYLUM ? 2 : 0), null));
            recorded++;
            if (notified(world.get(i)) && random.nextInt(100) < 40 && claimedOn.isBefore(today)) {
                LocalDate interviewedOn = day(claimedOn.plusDays(1), today);
                Wish verified = random.nextInt(100) < 70 ? claim : Wish.RETURN;
                wishes.record(interviewer, id, new StatementInput(verified, StatementMethod.PRIVATE_INTERVIEW,
                        interviewedOn, place, language, random.nextBoolean(),
                        INTERVIEWS.get(random.nextInt(INTERVIEWS.size())), null));
                recorded++;
                if (random.nextInt(100) < 10 && interviewedOn.isBefore(today)) {
                    Wish other = verified == Wish.RETURN ? Wish.NOT_RETURN : Wish.RETURN;
                    wishes.record(registrars.get(holder), id, new StatementInput(other, StatementMethod.INTERROGATION,
                            day(interviewedOn.plusDays(1), today), null, language, false,
                            CLAIMS.get(language).get(other == Wish.RETURN ? 1 : 0), null));
                    recorded++;
                }
            }
        }
        return recorded;
    }

    private static boolean inCustody(NewPerson person) {
        return Lifecycle.replayInputs(person.events()).status().inCustody();
    }

    private static boolean notified(NewPerson person) {
        return person.events().stream().anyMatch(e -> e.type() == EventType.NOTIFIED);
    }

    private Wish claim() {
        int roll = random.nextInt(100);
        return roll < 55 ? Wish.NOT_RETURN : roll < 65 ? Wish.ASYLUM : Wish.RETURN;
    }

    /** A day from {@code from} to at most 60 days later, never after today. */
    private LocalDate day(LocalDate from, LocalDate today) {
        LocalDate day = from.plusDays(random.nextInt(60));
        return day.isAfter(today) ? today : day;
    }
}
