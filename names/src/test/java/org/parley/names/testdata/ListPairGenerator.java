package org.parley.names.testdata;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.parley.names.BirthDate;
import org.parley.names.GivenNames;
import org.parley.names.Language;
import org.parley.names.Patronymics;
import org.parley.names.PersonRecord;
import org.parley.names.Standard;
import org.parley.names.Transliteration;

/**
 * Generates realistic pairs of person lists with ground truth, for the accuracy benchmark and end-to-end tests.
 * The same seed gives the same lists.
 *
 * <h2>Noise model</h2>
 * A true person has a language (Ukrainian 60 %, Russian 40 %), a sex (male 90 %), a surname from a list of
 * common surnames of that language (female form for women: -ова, -ська/-ская, Біла; -енко and -ук unchanged), a
 * given name and a father's name from Parley's equivalence table, the patronymic formed from it, a birth date
 * (1960–2005), a service number (present 80 %) and a unit (present 40 %). The left list writes them in Cyrillic,
 * in their own language, surname, given name and patronymic in their columns. The right list's record of the
 * same person is a noisy copy:
 * <ul>
 *   <li>script and language: Cyrillic in the same language 35 %; Cyrillic in the other language 25 %
 *   (Олександр → Александр, Сергійович → Сергеевич, Ковальський → Ковальский, Петрова); Latin 40 %, under a
 *   standard chosen evenly from those covering the language (KMU 2010, ICAO 9303, BGN/PCGN, ISO 9, conventional),
 *   given names in conventional English (Alexander, Eugene) half of the time when the table has one;</li>
 *   <li>layout: separate columns 70 %, one full name 30 % (surname first 50 %, given name first 40 %,
 *   given name and patronymic first 10 %); surname and given name columns swapped 2 %;</li>
 *   <li>omissions: patronymic left out 30 %, given name as an initial 4 %, patronymic as an initial 5 %;</li>
 *   <li>typos (one letter substituted, deleted, doubled or two transposed): surname 8 %, given name 4 %;</li>
 *   <li>date of birth: equal 74 %, day and month swapped 5 %, one digit wrong 5 %, year only 4 %, year and
 *   month only 2 %, missing 10 %;</li>
 *   <li>service number: missing 50 % (beyond the 20 % never known), one digit wrong 5 %; unit dropped 50 %.</li>
 * </ul>
 * Both lists also hold persons without partner. The right list has hard negatives: for 15 % of the true persons
 * a different person with the same surname and given name (other patronymic half the time, other birth date in
 * the same year), for 10 % a relative sharing surname and patronymic with another given name and birth date,
 * and for 5 % a person whose surname is derived from theirs (Щербак → Щербаков) with the same given name and
 * birth year.
 *
 * <h2>Name frequencies</h2>
 * {@link Frequencies#UNIFORM} picks every surname of the lists and every given name of the table equally often.
 * Real rosters are not like that, so {@link Frequencies#SKEWED} concentrates them: given names (and fathers'
 * names) follow Zipf's law with exponent 1 over the table's order, so the 30 commonest cover about 80 % of men;
 * half of the surnames follow Zipf's law with exponent 0.7 over the lists' order (most common first: the top
 * surname has about 3 % of all persons, tens of thousands in a million, hundreds per birth year), the other half
 * are rare surnames made of a common surname's first letters, a syllable and a common ending (Мелькоенко).
 */
public final class ListPairGenerator {

    /** How often each name is picked: see the class comment. */
    public enum Frequencies { UNIFORM, SKEWED }

    private static final String[] SYLLABLE_CONSONANTS = {"б", "в", "г", "д", "ж", "з", "к", "л", "м", "н", "п", "р",
            "с", "т", "ф", "х", "ц", "ч", "ш"};
    private static final String[] SYLLABLE_VOWELS = {"а", "о", "у", "е", "и"};
    private static final String[] UKRAINIAN_ENDINGS = {"енко", "ук", "чук", "ак", "ський", "ич", "ів"};
    private static final String[] RUSSIAN_ENDINGS = {"ов", "ев", "ин", "ский", "ых"};

    private static final List<String> UKRAINIAN_SURNAMES = surnames("surnames-uk.txt");
    private static final List<String> RUSSIAN_SURNAMES = surnames("surnames-ru.txt");

    private final Random random;
    private final Frequencies frequencies;
    private final List<GivenNames.Name> men;
    private final List<GivenNames.Name> women;
    private final double[] menShares;
    private final double[] womenShares;
    private final double[] ukrainianSurnameShares = zipf(UKRAINIAN_SURNAMES.size(), 0.7);
    private final double[] russianSurnameShares = zipf(RUSSIAN_SURNAMES.size(), 0.7);
    private int nextId = 1;

    public ListPairGenerator(long seed) {
        this(seed, Frequencies.UNIFORM);
    }

    public ListPairGenerator(long seed, Frequencies frequencies) {
        this.random = new Random(seed);
        this.frequencies = frequencies;
        this.men = GivenNames.table().names().stream().filter(n -> n.sex() == GivenNames.Sex.MALE).toList();
        this.women = GivenNames.table().names().stream().filter(n -> n.sex() == GivenNames.Sex.FEMALE).toList();
        this.menShares = zipf(men.size(), 1);
        this.womenShares = zipf(women.size(), 1);
    }

    /** The truth about one person, before any list writes them down. */
    record Person(Language language, boolean female, String surname, GivenNames.Name given, GivenNames.Name father,
            BirthDate born, String serviceNumber, String unit) {
    }

    /**
     * A left list of {@code pairs + leftOnly} persons and a right list with the {@code pairs} partners, the hard
     * negatives and {@code rightOnly} other persons, both shuffled.
     */
    public GeneratedLists generate(int pairs, int leftOnly, int rightOnly) {
        List<PersonRecord> left = new ArrayList<>();
        List<PersonRecord> right = new ArrayList<>();
        Map<String, String> truth = new HashMap<>();
        for (int i = 0; i < pairs; i++) {
            Person person = person();
            PersonRecord l = clean(person);
            PersonRecord r = noisy(person);
            left.add(l);
            right.add(r);
            truth.put(l.id(), r.id());
            hardNegatives(person, right);
        }
        for (int i = 0; i < leftOnly; i++) {
            left.add(clean(person()));
        }
        for (int i = 0; i < rightOnly; i++) {
            right.add(random.nextDouble() < 0.8 ? clean(person()) : noisy(person()));
        }
        Collections.shuffle(left, random);
        Collections.shuffle(right, random);
        return new GeneratedLists(left, right, truth);
    }

    /** Persons written cleanly in Cyrillic (for filling a registry-sized list fast). */
    public List<PersonRecord> cleanPersons(int count) {
        List<PersonRecord> persons = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            persons.add(clean(person()));
        }
        return persons;
    }

    Person person() {
        Language language = random.nextDouble() < 0.6 ? Language.UKRAINIAN : Language.RUSSIAN;
        boolean female = random.nextDouble() < 0.1;
        String surname = surname(language);
        if (female) {
            surname = Spelling.feminine(surname, language);
        }
        GivenNames.Name given = given(female);
        GivenNames.Name father = given(false);
        BirthDate born = new BirthDate(1960 + random.nextInt(46), 1 + random.nextInt(12), 1 + random.nextInt(28));
        String serviceNumber = random.nextDouble() < 0.8
                ? (language == Language.UKRAINIAN ? "ЗС" : "АВ") + String.format("%07d", random.nextInt(10_000_000))
                : null;
        String unit = random.nextDouble() < 0.4 ? "в/ч " + (1000 + random.nextInt(9000)) : null;
        return new Person(language, female, surname, given, father, born, serviceNumber, unit);
    }

    private String id() {
        return String.valueOf(nextId++);
    }

    private PersonRecord clean(Person p) {
        return new PersonRecord(id(), p.surname(), form(p.given(), p.language()),
                Patronymics.form(form(p.father(), p.language()), p.language(), sex(p)), null, p.born(),
                p.serviceNumber(), p.unit(), null);
    }

    private PersonRecord noisy(Person p) {
        double script = random.nextDouble();
        Language language = script < 0.35 || script >= 0.6 ? p.language() : other(p.language());
        String surname = language == p.language() ? p.surname() : Spelling.inOtherLanguage(p.surname(), p.language());
        String given = form(p.given(), language);
        String patronymic = Patronymics.form(form(p.father(), language), language, sex(p));
        if (script >= 0.6) {
            List<Standard> standards = java.util.Arrays.stream(Standard.values()).filter(s -> s.covers(language)).toList();
            Standard standard = pick(standards);
            surname = latin(surname, standard, language);
            given = standard == Standard.CONVENTIONAL && !p.given().otherLatin().isEmpty() && random.nextBoolean()
                    ? p.given().otherLatin().get(0) : latin(given, standard, language);
            patronymic = latin(patronymic, standard, language);
        }
        if (random.nextDouble() < 0.08) {
            surname = Spelling.typo(surname, random);
        }
        if (random.nextDouble() < 0.04) {
            given = Spelling.typo(given, random);
        }
        double omit = random.nextDouble();
        if (omit < 0.30) {
            patronymic = null;
        } else if (omit < 0.35) {
            patronymic = patronymic.substring(0, 1) + ".";
        }
        if (random.nextDouble() < 0.04) {
            given = given.substring(0, 1) + ".";
        }
        String fullName = null;
        double layout = random.nextDouble();
        if (layout < 0.30) {
            String pat = patronymic == null ? "" : " " + patronymic;
            double order = random.nextDouble();
            fullName = order < 0.5 ? surname + " " + given + pat
                    : order < 0.9 ? given + pat + " " + surname
                    : given + " " + surname + pat;
            surname = null;
            given = null;
            patronymic = null;
        } else if (layout < 0.32) {
            String swap = surname;
            surname = given;
            given = swap;
        }
        return new PersonRecord(id(), surname, given, patronymic, fullName, noisyDate(p.born()),
                random.nextDouble() < 0.5 ? null : noisyNumber(p.serviceNumber()),
                random.nextBoolean() ? p.unit() : null, null);
    }

    private void hardNegatives(Person p, List<PersonRecord> right) {
        double kind = random.nextDouble();
        if (kind < 0.15) {
            GivenNames.Name father = random.nextBoolean() ? p.father() : given(false);
            right.add(clean(new Person(p.language(), p.female(), p.surname(), p.given(), father,
                    otherDay(p.born().year()), null, null)));
        } else if (kind < 0.25) {
            GivenNames.Name sibling = given(p.female());
            if (sibling != p.given()) {
                right.add(clean(new Person(p.language(), p.female(), p.surname(), sibling, p.father(),
                        new BirthDate(p.born().year() + 2 + random.nextInt(8), 1 + random.nextInt(12),
                                1 + random.nextInt(28)), null, null)));
            }
        } else if (kind < 0.30 && !p.female()) {
            right.add(clean(new Person(p.language(), p.female(), Spelling.derived(p.surname(), p.language()),
                    p.given(), p.father(), otherDay(p.born().year()), null, null)));
        }
    }

    private BirthDate otherDay(int year) {
        return new BirthDate(year, 1 + random.nextInt(12), 1 + random.nextInt(28));
    }

    private BirthDate noisyDate(BirthDate born) {
        double error = random.nextDouble();
        if (error < 0.74) {
            return born;
        } else if (error < 0.79) {
            return born.day() <= 12 && born.day() != born.month()
                    ? new BirthDate(born.year(), born.day(), born.month()) : born;
        } else if (error < 0.84) {
            return oneDigitOff(born);
        } else if (error < 0.88) {
            return new BirthDate(born.year(), 0, 0);
        } else if (error < 0.90) {
            return new BirthDate(born.year(), born.month(), 0);
        }
        return null;
    }

    private BirthDate oneDigitOff(BirthDate born) {
        for (int attempt = 0; attempt < 10; attempt++) {
            char[] digits = String.format("%04d%02d%02d", born.year(), born.month(), born.day()).toCharArray();
            int at = 2 + random.nextInt(6);
            digits[at] = (char) ('0' + random.nextInt(10));
            String text = new String(digits);
            try {
                BirthDate date = new BirthDate(Integer.parseInt(text.substring(0, 4)),
                        Integer.parseInt(text.substring(4, 6)), Integer.parseInt(text.substring(6, 8)));
                if (!date.equals(born)) {
                    return date;
                }
            } catch (IllegalArgumentException e) {
                // not a valid day: try another digit
            }
        }
        return born;
    }

    private String noisyNumber(String number) {
        if (number == null || random.nextDouble() >= 0.05) {
            return number;
        }
        char[] chars = number.toCharArray();
        int at = chars.length - 1 - random.nextInt(7);
        chars[at] = (char) ('0' + (chars[at] - '0' + 1 + random.nextInt(9)) % 10);
        return new String(chars);
    }

    private static GivenNames.Sex sex(Person p) {
        return p.female() ? GivenNames.Sex.FEMALE : GivenNames.Sex.MALE;
    }

    private static Language other(Language language) {
        return language == Language.UKRAINIAN ? Language.RUSSIAN : Language.UKRAINIAN;
    }

    private static String form(GivenNames.Name name, Language language) {
        return language == Language.UKRAINIAN ? name.ukrainian().get(0) : name.russian().get(0);
    }

    private static String latin(String cyrillic, Standard standard, Language language) {
        return Transliteration.toLatin(cyrillic, standard, language).orElseThrow();
    }

    private String surname(Language language) {
        List<String> surnames = language == Language.UKRAINIAN ? UKRAINIAN_SURNAMES : RUSSIAN_SURNAMES;
        if (frequencies == Frequencies.UNIFORM) {
            return pick(surnames);
        }
        if (random.nextBoolean()) {
            return surnames.get(pick(language == Language.UKRAINIAN ? ukrainianSurnameShares : russianSurnameShares));
        }
        String common = pick(surnames);
        String[] endings = language == Language.UKRAINIAN ? UKRAINIAN_ENDINGS : RUSSIAN_ENDINGS;
        return common.substring(0, Math.min(common.length(), 3 + random.nextInt(3)))
                + SYLLABLE_CONSONANTS[random.nextInt(SYLLABLE_CONSONANTS.length)]
                + SYLLABLE_VOWELS[random.nextInt(SYLLABLE_VOWELS.length)]
                + endings[random.nextInt(endings.length)];
    }

    private GivenNames.Name given(boolean female) {
        List<GivenNames.Name> names = female ? women : men;
        return frequencies == Frequencies.UNIFORM ? pick(names) : names.get(pick(female ? womenShares : menShares));
    }

    /** Cumulative shares of Zipf's law over {@code size} ranks: rank k is picked in proportion to 1 / k^exponent. */
    private static double[] zipf(int size, double exponent) {
        double[] cumulative = new double[size];
        double sum = 0;
        for (int k = 0; k < size; k++) {
            sum += Math.pow(k + 1, -exponent);
            cumulative[k] = sum;
        }
        for (int k = 0; k < size; k++) {
            cumulative[k] /= sum;
        }
        return cumulative;
    }

    /** A rank drawn by cumulative shares. */
    private int pick(double[] cumulative) {
        int at = java.util.Arrays.binarySearch(cumulative, random.nextDouble());
        return Math.min(cumulative.length - 1, at >= 0 ? at : -at - 1);
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static List<String> surnames(String resource) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                ListPairGenerator.class.getResourceAsStream(resource), StandardCharsets.UTF_8))) {
            return reader.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
