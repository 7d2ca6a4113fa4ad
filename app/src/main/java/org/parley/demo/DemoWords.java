package org.parley.demo;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * The places and short phrases of demo records, in Ukrainian and Russian: places come from
 * {@code demo/places.csv}, ranks from {@code demo/ranks.csv}, the few phrases are written here.
 */
final class DemoWords {

    record Rank(String language, String name, String group, int weight) {
    }

    private static final Map<String, List<String>> STREETS = Map.of(
            "uk", List.of("вул. Шевченка", "вул. Садова", "вул. Центральна", "вул. Миру", "вул. Шкільна", "вул. Лісова"),
            "ru", List.of("ул. Садовая", "ул. Центральная", "ул. Мира", "ул. Школьная", "ул. Лесная", "ул. Молодёжная"));
    private static final Map<String, List<String>> WOUNDS = Map.of(
            "uk", List.of("Осколкове поранення лівого стегна", "Вогнепальне поранення правого плеча",
                    "Контузія, мінно-вибухова травма", "Перелом лівої гомілки", "Опіки кистей рук"),
            "ru", List.of("Осколочное ранение левого бедра", "Огнестрельное ранение правого плеча",
                    "Контузия, минно-взрывная травма", "Перелом левой голени", "Ожоги кистей рук"));
    private static final Map<String, List<String>> ILLNESSES = Map.of(
            "uk", List.of("Пневмонія", "Туберкульоз легень", "Цукровий діабет, потребує інсуліну"),
            "ru", List.of("Пневмония", "Туберкулёз лёгких", "Сахарный диабет, нуждается в инсулине"));
    private static final Map<String, String> CAPTURING_UNIT = Map.of("uk", "підрозділ ", "ru", "подразделение ");
    private static final Map<String, List<String>> KIN = Map.of(
            "uk", List.of("мати", "дружина", "батько", "сестра", "брат"),
            "ru", List.of("мать", "жена", "отец", "сестра", "брат"));

    private final Map<String, Map<String, List<String>>> places;
    private final Map<String, Weighted<Rank>> ranks;

    DemoWords() {
        places = DemoCsv.read("places.csv").stream().collect(Collectors.groupingBy(row -> row.get("kind"),
                Collectors.groupingBy(row -> row.get("language"),
                        Collectors.mapping(row -> row.get("name"), Collectors.toList()))));
        ranks = DemoCsv.read("ranks.csv").stream()
                .map(row -> new Rank(row.get("language"), row.get("rank"), row.get("rank_group"),
                        Integer.parseInt(row.get("weight"))))
                .collect(Collectors.groupingBy(Rank::language)).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> new Weighted<>(e.getValue(), Rank::weight)));
    }

    /** Camps: the last one of each language is for civilian internees. */
    List<String> camps(String language) {
        return places.get("camp").get(language);
    }

    String hospital(String language, Random random) {
        return pick(places.get("hospital").get(language), random);
    }

    String town(String language, Random random) {
        return pick(places.get("town").get(language), random);
    }

    Rank rank(String language, Random random) {
        return ranks.get(language).draw(random);
    }

    String street(String language, Random random) {
        return pick(STREETS.get(language), random) + ", " + (1 + random.nextInt(120));
    }

    String wound(String language, Random random) {
        return pick(WOUNDS.get(language), random);
    }

    String illness(String language, Random random) {
        return pick(ILLNESSES.get(language), random);
    }

    // Built by concatenation: String.format was a third of the time of generating a million persons

    /** A place of capture, the same words in both languages: "сектор 12, квадрат 47". */
    String sector(Random random) {
        int sector = 1 + random.nextInt(40);
        return "сектор " + sector + ", квадрат " + (10 + random.nextInt(80));
    }

    /** A military unit number: "в/ч А0421" (Ukrainian), "в/ч 04211" (Russian). */
    String unit(String language, Random random) {
        return language.equals("uk") ? "в/ч А" + padded(random.nextInt(10_000), 4)
                : "в/ч " + padded(random.nextInt(100_000), 5);
    }

    String capturingUnit(String language, Random random) {
        return CAPTURING_UNIT.get(language) + (1 + random.nextInt(300));
    }

    /** {@code value} in decimal, with leading zeros up to {@code width} digits. */
    static String padded(int value, int width) {
        String digits = Integer.toString(value);
        return "0".repeat(Math.max(0, width - digits.length())) + digits;
    }

    /** Relationship words in order: mother, wife, father, sister, brother. */
    List<String> kin(String language) {
        return KIN.get(language);
    }

    static <T> T pick(List<T> items, Random random) {
        return items.get(random.nextInt(items.size()));
    }
}
