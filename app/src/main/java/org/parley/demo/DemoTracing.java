package org.parley.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.parley.api.Caller;
import org.parley.names.Language;
import org.parley.names.Transliteration;
import org.parley.registry.NewPerson;
import org.parley.registry.PersonField;
import org.parley.tracing.CandidateDecision;
import org.parley.tracing.Requester;
import org.parley.tracing.TracingInput;
import org.parley.tracing.TracingService;

/**
 * The demo world's tracing requests: families asking for persons of the world, their names as a family writes them
 * — in their own language and script, or in Latin letters under the official transliteration, some with a typo —
 * and now and then for someone nobody registered. Some are recorded before the persons are loaded ({@link #early}),
 * so that the standing search finds their persons as new matches; of those recorded after ({@link #late}), nearly
 * half are answered (the best candidate confirmed) and a tenth closed. Deterministic: one seed.
 */
final class DemoTracing {

    /** One request in this many persons is recorded before the load, one in this many after. */
    static final int EARLY_EVERY = 20;
    static final int LATE_EVERY = 10;
    /**
     * At most this many requests before the load and twice as many after: a large demo world keeps the tracing desk
     * of the default world of 2,000 persons (each request is searched and audited on its own) instead of one per 20
     * and 10 of a million persons.
     */
    static final int MOST_EARLY = 100;

    private static final Map<String, List<String>> RELATIONSHIPS = Map.of(
            "uk", List.of("мати", "батько", "дружина", "сестра", "брат"),
            "ru", List.of("мать", "отец", "жена", "сестра", "брат"));
    private static final Map<String, List<String>> PLACES = Map.of(
            "uk", List.of("Оріхів", "Вугледар", "Куп’янськ", "Часів Яр", "Бахмут"),
            "ru", List.of("Суджа", "Курск", "Белгород", "Глушково", "Горловка"));

    /** Surnames no demo person has: requests for persons nobody registered. */
    private static final Map<String, List<String>> UNREGISTERED = Map.of(
            "uk", List.of("Зозулинський", "Коржевський", "Шпаковець"),
            "ru", List.of("Зозулинский", "Коржевский", "Шпаковец"));

    private final Random random;
    private final TracingService tracing;
    private final Map<String, Caller> registrars;
    private final Caller intermediary;

    /** @param registrars the registrar of each party, by party code; {@code intermediary} the intermediary's */
    DemoTracing(long seed, TracingService tracing, Map<String, Caller> registrars, Caller intermediary) {
        this.random = new Random(seed);
        this.tracing = tracing;
        this.registrars = registrars;
        this.intermediary = intermediary;
    }

    /** One request per this many persons: {@code every}, or more for a world that would give more than {@code most}. */
    private static int every(List<NewPerson> world, int every, int most) {
        return Math.max(every, -Math.floorDiv(-world.size(), most));
    }

    /** Requests recorded before the world is loaded: the standing search will find their persons. */
    int early(List<NewPerson> world, List<DemoPersonGenerator.OwnName> names) {
        int recorded = 0;
        for (int i = 0; i < world.size(); i += every(world, EARLY_EVERY, MOST_EARLY)) {
            tracing.record(recorder(world.get(i)), request(world.get(i), names.get(i)));
            recorded++;
        }
        return recorded;
    }

    /** Requests recorded after the load: of those with candidates, nearly half answered; a tenth closed. */
    int late(List<NewPerson> world, List<DemoPersonGenerator.OwnName> names) {
        int recorded = 0;
        for (int i = LATE_EVERY / 2; i < world.size(); i += every(world, LATE_EVERY, 2 * MOST_EARLY)) {
            NewPerson person = world.get(i);
            Caller recorder = recorder(person);
            boolean unknown = random.nextInt(100) < 8;
            DemoPersonGenerator.OwnName name = names.get(i);
            TracingInput input = request(person, name, unknown ? UNREGISTERED.get(name.language())
                    .get(random.nextInt(3)) : null);
            TracingService.Shown shown = tracing.record(recorder, input);
            int roll = random.nextInt(100);
            if (roll < 45 && !shown.candidates().isEmpty()) {
                tracing.decide(recorder, shown.id(), shown.candidates().get(0).personId(), CandidateDecision.CONFIRMED);
                tracing.answer(recorder, shown.id(), "uk".equals(names.get(i).language())
                        ? "Особу зареєстровано; родину повідомлено." : "Лицо зарегистрировано; семья уведомлена.");
            } else if (roll < 55) {
                tracing.close(recorder, shown.id());
            }
            recorded++;
        }
        return recorded;
    }

    /** Half of the families ask the intermediary, half their own party (the person's power of origin). */
    private Caller recorder(NewPerson person) {
        return random.nextBoolean() ? intermediary
                : registrars.get((String) person.facts().get(PersonField.POWER_OF_ORIGIN));
    }

    private TracingInput request(NewPerson person, DemoPersonGenerator.OwnName name) {
        return request(person, name, null);
    }

    /** The family's spelling; {@code surname} in place of the person's own for a request nobody will match. */
    private TracingInput request(NewPerson person, DemoPersonGenerator.OwnName name, String surname) {
        String language = name.language();
        int style = random.nextInt(100);
        String family = surname != null ? surname : name.surname();
        String given = name.givenName();
        String patronymic = random.nextInt(100) < 50 ? name.patronymic() : null;
        if (style >= 40) {
            Language lang = "uk".equals(language) ? Language.UKRAINIAN : Language.RUSSIAN;
            family = Transliteration.official(family, lang);
            given = Transliteration.official(given, lang);
            patronymic = patronymic == null ? null : Transliteration.official(patronymic, lang);
            if (style >= 85) {
                family = typo(family);
            }
        }
        Object born = person.facts().get(PersonField.DATE_OF_BIRTH);
        int dateStyle = random.nextInt(100);
        String dateOfBirth = born == null || dateStyle >= 85 ? null
                : dateStyle >= 60 ? born.toString().substring(0, 4) : born.toString();
        List<String> relationships = RELATIONSHIPS.get(language);
        List<String> places = PLACES.get(language);
        return new TracingInput(family, given, patronymic, null, dateOfBirth, null,
                places.get(random.nextInt(places.size())), null,
                new Requester(name.surname(), relationships.get(random.nextInt(relationships.size())),
                        "family-" + (1000 + random.nextInt(9000)) + "@example.org"), null);
    }

    /** Two neighbouring letters swapped, as a hurried hand writes them. */
    private String typo(String word) {
        if (word.length() < 4) {
            return word;
        }
        int at = 1 + random.nextInt(word.length() - 3);
        List<Character> letters = new ArrayList<>();
        word.chars().forEach(c -> letters.add((char) c));
        java.util.Collections.swap(letters, at, at + 1);
        StringBuilder out = new StringBuilder();
        letters.forEach(out::append);
        return out.toString();
    }
}
