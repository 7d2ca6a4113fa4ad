package org.parley.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.parley.registry.Category;
import org.parley.registry.EventInput;
import org.parley.registry.EventType;
import org.parley.registry.Lifecycle;
import org.parley.registry.NewPerson;
import org.parley.registry.PartialDate;
import org.parley.registry.PersonField;
import org.parley.registry.Sex;

class DemoPersonGeneratorTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    private static final List<NewPerson> WORLD = new DemoPersonGenerator(7).generate(4000, TODAY);

    @Test
    void theSameSeedGivesTheSameWorld() {
        assertThat(new DemoPersonGenerator(7).generate(4000, TODAY)).isEqualTo(WORLD);
        assertThat(new DemoPersonGenerator(8).generate(50, TODAY)).isNotEqualTo(WORLD.subList(0, 50));
    }

    @Test
    void bothPartiesHoldTheOthersNationalsInAboutEqualNumbers() {
        Map<Object, Long> byHolder = WORLD.stream()
                .collect(Collectors.groupingBy(p -> fact(p, PersonField.HOLDING_PARTY), Collectors.counting()));
        assertThat(byHolder.keySet()).containsExactlyInAnyOrder("party-a", "party-b");
        assertThat(byHolder.values()).allSatisfy(n -> assertThat(n).isBetween(1800L, 2200L));
        assertThat(WORLD).allSatisfy(p -> assertThat(fact(p, PersonField.POWER_OF_ORIGIN))
                .isNotEqualTo(fact(p, PersonField.HOLDING_PARTY)));
    }

    @Test
    void namesAreCyrillicInTheNationalsLanguageOrTheHoldersWithPatronymics() {
        assertThat(WORLD).allSatisfy(p -> {
            for (PersonField name : List.of(PersonField.SURNAME, PersonField.GIVEN_NAME, PersonField.PATRONYMIC)) {
                assertThat((String) fact(p, name)).matches("[\\p{IsCyrillic}'-]+");
            }
            assertThat(fact(p, PersonField.NAME_LANGUAGE)).isIn("uk", "ru");
        });
        double inHolderLanguage = share(p -> fact(p, PersonField.NAME_LANGUAGE)
                .equals(fact(p, PersonField.HOLDING_PARTY).equals("party-a") ? "uk" : "ru"));
        assertThat(inHolderLanguage).isBetween(0.25, 0.35);
        // Ukrainian letters appear only in records written in Ukrainian, ы/э/ъ only in Russian ones.
        assertThat(WORLD).allSatisfy(p -> {
            String written = fact(p, PersonField.SURNAME) + " " + fact(p, PersonField.GIVEN_NAME) + " "
                    + fact(p, PersonField.PATRONYMIC);
            assertThat(written).doesNotContainPattern(fact(p, PersonField.NAME_LANGUAGE).equals("uk")
                    ? "[ыэъё]" : "[іїєґ']");
        });
    }

    @Test
    void femaleFormsOfSurnamesAndPatronymics() {
        List<NewPerson> women = WORLD.stream().filter(p -> fact(p, PersonField.SEX) == Sex.FEMALE).toList();
        assertThat(women).hasSizeGreaterThan(100);
        assertThat(women).allSatisfy(p -> assertThat((String) fact(p, PersonField.PATRONYMIC)).matches(".*(на|ич)"));
        assertThat(women).allSatisfy(p -> assertThat((String) fact(p, PersonField.SURNAME)).doesNotEndWith("ов"));
        assertThat(women).anySatisfy(p -> assertThat((String) fact(p, PersonField.SURNAME)).endsWith("ова"));
    }

    @Test
    void frequentNamesAreFrequentAndRareNamesRare() {
        Map<Object, Long> surnames = WORLD.stream()
                .collect(Collectors.groupingBy(p -> fact(p, PersonField.SURNAME), Collectors.counting()));
        assertThat(surnames.getOrDefault("Мельник", 0L)).isGreaterThan(surnames.getOrDefault("Гаврилюк", 0L));
        assertThat(surnames.size()).isGreaterThan(150);
    }

    @Test
    void everyHistoryIsValidStartsAtCaptureAndEndsByToday() {
        assertThat(WORLD).allSatisfy(p -> {
            List<EventInput> events = p.events();
            assertThat(events.get(0).type()).isEqualTo(EventType.CAPTURED);
            assertThat(events.get(0).occurredOn()).isEqualTo(fact(p, PersonField.CAPTURE_DATE));
            assertThat(events).allSatisfy(e -> assertThat(e.occurredOn()).isBeforeOrEqualTo(TODAY));
            assertThat(Lifecycle.replayInputs(events).status()).isNotNull();
            assertThat(fact(p, PersonField.INTERNMENT_PLACE) != null)
                    .isEqualTo(events.stream().anyMatch(e -> e.type() == EventType.INTERNED));
        });
    }

    @Test
    void captureDatesSpreadOverFourYears() {
        List<LocalDate> captures = WORLD.stream().map(p -> (LocalDate) fact(p, PersonField.CAPTURE_DATE)).toList();
        assertThat(captures).allSatisfy(d -> assertThat(d).isBetween(TODAY.minusYears(4), TODAY));
        for (int year = 0; year < 4; year++) {
            LocalDate from = TODAY.minusYears(year + 1);
            LocalDate to = TODAY.minusYears(year);
            assertThat(captures.stream().filter(d -> d.isAfter(from) && !d.isAfter(to)).count())
                    .isBetween(800L, 1200L);
        }
    }

    @Test
    void aRealisticMixOfCategoriesStatusesAndDates() {
        assertThat(share(p -> fact(p, PersonField.CATEGORY) == Category.CIVILIAN_INTERNEE)).isBetween(0.05, 0.13);
        assertThat(share(p -> p.events().stream().anyMatch(e -> e.type() == EventType.EXCHANGED))).isBetween(0.2, 0.5);
        assertThat(share(p -> p.events().stream().noneMatch(e -> e.type() == EventType.NOTIFIED))).isBetween(0.05, 0.3);
        assertThat(share(p -> p.events().stream().anyMatch(e -> e.type() == EventType.REPATRIATED))).isPositive();
        assertThat(share(p -> ((PartialDate) fact(p, PersonField.DATE_OF_BIRTH)).day() == null)).isBetween(0.05, 0.25);
        assertThat(share(p -> Boolean.TRUE.equals(fact(p, PersonField.SERIOUSLY_ILL_OR_WOUNDED)))).isBetween(0.02, 0.15);
        assertThat(WORLD).allSatisfy(p -> assertThat(p.facts().sources()).containsKey(PersonField.SURNAME));
    }

    private static double share(Predicate<NewPerson> test) {
        return WORLD.stream().filter(test).count() / (double) WORLD.size();
    }

    private static Object fact(NewPerson person, PersonField field) {
        return person.facts().get(field);
    }
}
