package org.parley.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.parley.registry.Branch;
import org.parley.registry.Category;
import org.parley.registry.Confidence;
import org.parley.registry.EventType;
import org.parley.registry.FactRecord;
import org.parley.registry.FactSource;
import org.parley.registry.HealthState;
import org.parley.registry.NewPerson;
import org.parley.registry.PartialDate;
import org.parley.registry.PersonField;
import org.parley.registry.PersonInput;
import org.parley.registry.RankGroup;
import org.parley.registry.Sex;

/**
 * Generates the detained persons of the demo world: nationals of Party A (Ukrainian names) held by Party B and
 * nationals of Party B (Russian names) held by Party A, in about equal numbers. Names are written in the person's
 * own language, or (about one record in three) in the detaining power's language, as real lists are; the letter
 * ё is often written е. The same seed gives the same world.
 */
public final class DemoPersonGenerator {

    /** The two parties of the demo world: code, the language of its nationals' names. */
    private record Side(String code, String language) {
    }

    private static final Side PARTY_A = new Side("party-a", "uk");
    private static final Side PARTY_B = new Side("party-b", "ru");
    private static final int RECORDS_IN_HOLDER_LANGUAGE_PERCENT = 30;

    /**
     * A person's name as their own party writes it: in their own language, with patronymic, as drawn (before the
     * detaining power's clerk wrote it down, perhaps in its own language or without ё).
     */
    public record OwnName(String language, String surname, String givenName, String patronymic) {
    }

    private final Random random;
    private final DemoNames names = new DemoNames();
    private final DemoWords words = new DemoWords();
    private final List<OwnName> ownNames = new ArrayList<>();

    public DemoPersonGenerator(long seed) {
        this.random = new Random(seed);
    }

    /** {@code count} persons captured within the four years before {@code today}, with histories up to it. */
    public List<NewPerson> generate(int count, LocalDate today) {
        List<NewPerson> persons = new ArrayList<>(count);
        int[] prisonerNumbers = new int[2];
        for (int i = 0; i < count; i++) {
            boolean heldByA = random.nextBoolean();
            Side holder = heldByA ? PARTY_A : PARTY_B;
            Side origin = heldByA ? PARTY_B : PARTY_A;
            persons.add(person(holder, origin, today, ++prisonerNumbers[heldByA ? 0 : 1]));
        }
        return persons;
    }

    /** The own-language names of the persons generated so far, in the same order (draws nothing). */
    public List<OwnName> ownNames() {
        return List.copyOf(ownNames);
    }

    private NewPerson person(Side holder, Side origin, LocalDate today, int prisonerNumber) {
        Map<PersonField, Object> facts = new EnumMap<>(PersonField.class);
        Map<PersonField, FactRecord> sources = new EnumMap<>(PersonField.class);
        boolean civilian = random.nextInt(100) < 9;
        Sex sex = random.nextInt(100) < (civilian ? 30 : 5) ? Sex.FEMALE : Sex.MALE;
        String language = random.nextInt(100) < RECORDS_IN_HOLDER_LANGUAGE_PERCENT ? holder.language() : origin.language();

        facts.put(PersonField.HOLDING_PARTY, holder.code());
        facts.put(PersonField.POWER_OF_ORIGIN, origin.code());
        DemoNames.Surname surname = names.surname(origin.language(), random);
        DemoNames.GivenName given = names.givenName(origin.language(), sex, random);
        DemoNames.GivenName father = names.givenName(origin.language(), Sex.MALE, random);
        ownNames.add(new OwnName(origin.language(), surname.in(origin.language(), sex), given.in(origin.language()),
                father.patronymic(origin.language(), sex)));
        facts.put(PersonField.SURNAME, asWritten(surname.in(language, sex), language));
        facts.put(PersonField.GIVEN_NAME, asWritten(given.in(language), language));
        facts.put(PersonField.PATRONYMIC, asWritten(father.patronymic(language, sex), language));
        if (random.nextInt(100) < 40) {
            facts.put(PersonField.FATHER_NAME, asWritten(father.in(language), language));
        }
        if (random.nextInt(100) < 25) {
            facts.put(PersonField.MOTHER_MAIDEN_NAME, names.surname(origin.language(), random).in(language, Sex.FEMALE));
        }
        facts.put(PersonField.NAME_LANGUAGE, language);
        facts.put(PersonField.SEX, sex);

        LocalDate captured = today.minusDays(random.nextInt(4 * 365));
        facts.put(PersonField.DATE_OF_BIRTH, dateOfBirth(captured));
        if (random.nextInt(100) < 70) {
            facts.put(PersonField.PLACE_OF_BIRTH, words.town(language, random));
        }
        if (civilian) {
            facts.put(PersonField.CATEGORY, Category.CIVILIAN_INTERNEE);
        } else {
            service(facts, origin, language);
        }
        String capturePlace = words.sector(random);
        facts.put(PersonField.CAPTURE_DATE, captured);
        facts.put(PersonField.CAPTURE_PLACE, capturePlace);
        facts.put(PersonField.CAPTURING_UNIT, words.capturingUnit(holder.language(), random));

        HealthState health = health(civilian);
        boolean seriously = health == HealthState.SERIOUSLY_WOUNDED
                || (health == HealthState.SICK && random.nextInt(100) < 30);
        facts.put(PersonField.HEALTH_STATE, health);
        facts.put(PersonField.SERIOUSLY_ILL_OR_WOUNDED, seriously);
        if (health == HealthState.SLIGHTLY_WOUNDED || health == HealthState.SERIOUSLY_WOUNDED
                || health == HealthState.CONVALESCENT) {
            facts.put(PersonField.HEALTH_NOTES, words.wound(holder.language(), random));
        } else if (health == HealthState.SICK) {
            facts.put(PersonField.HEALTH_NOTES, words.illness(holder.language(), random));
        }

        List<String> camps = words.camps(holder.language());
        List<String> campChoices = civilian ? camps.subList(camps.size() - 1, camps.size())
                : camps.subList(0, camps.size() - 1);
        boolean wounded = health == HealthState.SLIGHTLY_WOUNDED || health == HealthState.SERIOUSLY_WOUNDED;
        DemoHistory.Result history = new DemoHistory(random, today, words)
                .build(captured, capturePlace, wounded, health == HealthState.SERIOUSLY_WOUNDED, holder.language(),
                        campChoices);
        if (history.internmentPlace() != null) {
            facts.put(PersonField.INTERNMENT_PLACE, history.internmentPlace());
            facts.put(PersonField.PRISONER_NUMBER, (holder == PARTY_A ? "A-" : "B-")
                    + DemoWords.padded(prisonerNumber, 6));
        }
        nextOfKin(facts, sources, origin.language(), language, surname, sex);
        sources(sources, facts, history.events().stream()
                .anyMatch(e -> e.type() == EventType.VISITED));
        return new NewPerson(new PersonInput(facts, sources), history.events());
    }

    private void service(Map<PersonField, Object> facts, Side origin, String language) {
        int roll = random.nextInt(100);
        facts.put(PersonField.CATEGORY, roll < 88 ? Category.ARMED_FORCES
                : roll < 95 ? Category.MILITIA_OR_VOLUNTEER_CORPS
                : roll < 98 ? Category.ACCOMPANYING_FORCES : Category.OTHER);
        int branch = random.nextInt(100);
        facts.put(PersonField.BRANCH, branch < 70 ? Branch.ARMY : branch < 80 ? Branch.NATIONAL_GUARD
                : branch < 87 ? Branch.MARINES : branch < 92 ? Branch.BORDER_GUARD
                : branch < 96 ? Branch.AIR_FORCE : branch < 99 ? Branch.NAVY : Branch.OTHER);
        DemoWords.Rank rank = words.rank(language, random);
        facts.put(PersonField.RANK, rank.name());
        facts.put(PersonField.RANK_GROUP, RankGroup.valueOf(rank.group()));
        if (random.nextInt(100) < 85) {
            facts.put(PersonField.UNIT, words.unit(origin.language(), random));
        }
        if (random.nextInt(100) < 85) {
            facts.put(PersonField.SERVICE_NUMBER, serviceNumber(origin));
        }
    }

    /** Ukrainian-style numbers are two letters and six digits, Russian-style a letter pair, a dash, six digits. */
    private String serviceNumber(Side origin) {
        String letters = "АБВГДЕЖКМНОПРСТ";
        String prefix = "" + letters.charAt(random.nextInt(letters.length()))
                + letters.charAt(random.nextInt(letters.length()));
        return prefix + (origin == PARTY_A ? "" : "-") + DemoWords.padded(random.nextInt(1_000_000), 6);
    }

    /** Ages 18 to 60 at capture, most between 20 and 45; known to the day for most, to the month or year for some. */
    private PartialDate dateOfBirth(LocalDate captured) {
        int age = 18 + (int) Math.min(42, Math.abs(random.nextGaussian() * 9 + 14));
        LocalDate born = captured.minusYears(age).minusDays(random.nextInt(365));
        int precision = random.nextInt(100);
        return precision < 86 ? new PartialDate(born.getYear(), born.getMonthValue(), born.getDayOfMonth())
                : precision < 95 ? new PartialDate(born.getYear(), born.getMonthValue(), null)
                : new PartialDate(born.getYear(), null, null);
    }

    private HealthState health(boolean civilian) {
        int roll = random.nextInt(100);
        if (civilian) {
            return roll < 75 ? HealthState.GOOD_HEALTH : roll < 95 ? HealthState.SICK : HealthState.SLIGHTLY_WOUNDED;
        }
        return roll < 45 ? HealthState.GOOD_HEALTH : roll < 60 ? HealthState.NOT_WOUNDED
                : roll < 70 ? HealthState.RECOVERED : roll < 83 ? HealthState.SLIGHTLY_WOUNDED
                : roll < 89 ? HealthState.CONVALESCENT : roll < 95 ? HealthState.SICK : HealthState.SERIOUSLY_WOUNDED;
    }

    private void nextOfKin(Map<PersonField, Object> facts, Map<PersonField, FactRecord> sources, String population,
            String language, DemoNames.Surname surname, Sex sex) {
        if (random.nextInt(100) >= 80) {
            return;
        }
        int who = random.nextInt(sex == Sex.MALE ? 5 : 4);
        if (sex == Sex.FEMALE && who == 1) {
            who = 4;
        }
        Sex kinSex = who == 2 || who == 4 ? Sex.MALE : Sex.FEMALE;
        String kinSurname = who == 1 && random.nextInt(100) < 20
                ? names.surname(population, random).in(language, Sex.FEMALE) : surname.in(language, kinSex);
        facts.put(PersonField.NEXT_OF_KIN_NAME, names.givenName(population, kinSex, random).in(language) + " " + kinSurname);
        facts.put(PersonField.NEXT_OF_KIN_RELATIONSHIP, words.kin(language).get(who));
        facts.put(PersonField.FAMILY_ADDRESS, words.town(population, random) + ", " + words.street(population, random));
        boolean tracing = random.nextInt(100) < 25;
        FactRecord source = tracing ? new FactRecord(FactSource.FAMILY_TRACING_REQUEST, Confidence.PROBABLE, null)
                : new FactRecord(FactSource.CAPTURE_CARD, Confidence.CONFIRMED, true);
        sources.put(PersonField.NEXT_OF_KIN_NAME, source);
        sources.put(PersonField.FAMILY_ADDRESS, source);
    }

    /** Art. 17 facts come from the capture card; health from the intermediary's visit when there was one. */
    private void sources(Map<PersonField, FactRecord> sources, Map<PersonField, Object> facts, boolean visited) {
        FactRecord card = new FactRecord(FactSource.CAPTURE_CARD, Confidence.CONFIRMED, true);
        for (PersonField field : List.of(PersonField.SURNAME, PersonField.GIVEN_NAME, PersonField.PATRONYMIC,
                PersonField.DATE_OF_BIRTH, PersonField.RANK, PersonField.SERVICE_NUMBER)) {
            if (facts.containsKey(field)) {
                sources.put(field, card);
            }
        }
        if (facts.containsKey(PersonField.UNIT)) {
            sources.put(PersonField.UNIT, random.nextInt(100) < 70 ? card
                    : new FactRecord(FactSource.PARTY_NOTIFICATION, Confidence.PROBABLE, null));
        }
        sources.put(PersonField.CAPTURE_DATE, new FactRecord(FactSource.PARTY_NOTIFICATION, Confidence.CONFIRMED, null));
        sources.put(PersonField.HEALTH_STATE, visited
                ? new FactRecord(FactSource.INTERMEDIARY_VISIT, Confidence.CONFIRMED, null)
                : new FactRecord(FactSource.CAPTURE_CARD, Confidence.PROBABLE, true));
    }

    /** Russian texts often write ё as е; half of the demo's do. */
    private String asWritten(String name, String language) {
        return language.equals("ru") && random.nextBoolean() ? name.replace('ё', 'е').replace('Ё', 'Е') : name;
    }
}
