package org.parley.demo;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.parley.registry.Sex;

/**
 * The demo world's names (resources {@code demo/given-names.csv} and {@code demo/surnames.csv}, sources named in
 * the files): drawn for a population (Ukrainian or Russian nationals) with realistic frequencies, and written in
 * either language, as a detaining power often writes a prisoner's name in its own.
 */
final class DemoNames {

    /** A given name in both languages; patronymics only for male names (the father's name). */
    record GivenName(Sex sex, Map<String, String> forms, Map<String, Integer> weights,
            Map<String, String[]> patronymics) {

        String in(String language) {
            return forms.get(language);
        }

        /** The patronymic this name gives a child of {@code sex}, written in {@code language}. */
        String patronymic(String language, Sex sex) {
            return patronymics.get(language)[sex == Sex.MALE ? 0 : 1];
        }
    }

    /** A surname in both languages, male and female forms (Шевченко has one, Ковальський/Ковальська two). */
    record Surname(String origin, Map<String, String[]> forms, int weight) {

        String in(String language, Sex sex) {
            return forms.get(language)[sex == Sex.MALE ? 0 : 1];
        }
    }

    static final List<String> LANGUAGES = List.of("uk", "ru");

    private final Map<String, Map<Sex, Weighted<GivenName>>> givenNames;
    private final Map<String, Weighted<Surname>> surnames;

    DemoNames() {
        List<GivenName> given = DemoCsv.read("given-names.csv").stream().map(DemoNames::givenName).toList();
        givenNames = LANGUAGES.stream().collect(Collectors.toMap(language -> language, language -> Map.of(
                Sex.MALE, weighted(given, Sex.MALE, language),
                Sex.FEMALE, weighted(given, Sex.FEMALE, language))));
        List<Surname> all = DemoCsv.read("surnames.csv").stream().map(DemoNames::surname).toList();
        surnames = LANGUAGES.stream().collect(Collectors.toMap(language -> language, language -> new Weighted<>(
                all.stream().filter(s -> s.origin().equals(language)).toList(), Surname::weight)));
    }

    GivenName givenName(String population, Sex sex, Random random) {
        return givenNames.get(population).get(sex).draw(random);
    }

    Surname surname(String population, Random random) {
        return surnames.get(population).draw(random);
    }

    private static Weighted<GivenName> weighted(List<GivenName> names, Sex sex, String language) {
        return new Weighted<>(names.stream().filter(n -> n.sex() == sex).toList(), n -> n.weights().get(language));
    }

    private static GivenName givenName(Map<String, String> row) {
        Sex sex = row.get("sex").equals("M") ? Sex.MALE : Sex.FEMALE;
        return new GivenName(sex,
                Map.of("uk", row.get("uk"), "ru", row.get("ru")),
                Map.of("uk", Integer.parseInt(row.get("weight_uk")), "ru", Integer.parseInt(row.get("weight_ru"))),
                sex == Sex.FEMALE ? Map.of() : Map.of(
                        "uk", new String[] {row.get("patronymic_uk_m"), row.get("patronymic_uk_f")},
                        "ru", new String[] {row.get("patronymic_ru_m"), row.get("patronymic_ru_f")}));
    }

    private static Surname surname(Map<String, String> row) {
        return new Surname(row.get("origin"), Map.of(
                "uk", new String[] {row.get("uk_m"), row.get("uk_f")},
                "ru", new String[] {row.get("ru_m"), row.get("ru_f")}),
                Integer.parseInt(row.get("weight")));
    }
}
