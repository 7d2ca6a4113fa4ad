package org.parley.names;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link PersonRecord} with everything the scorer and the blocking index need computed once: the parsed name
 * with its keys, the service number without separators, the unit's key. Preparing costs a few microseconds,
 * comparing two prepared persons much less.
 */
public final class PreparedPerson {

    /** Cyrillic capitals that look like Latin ones, written either way in service numbers (АА123 = AA123). */
    private static final String CYRILLIC_LOOKALIKES = "АВЕКМНОРСТХ";
    private static final String LATIN_LOOKALIKES = "ABEKMHOPCTX";

    private final PersonRecord record;
    private final ParsedName name;
    private final String serviceNumber;
    private final String unit;

    private PreparedPerson(PersonRecord record) {
        this.record = record;
        this.name = ParsedName.of(record);
        this.serviceNumber = alphanumeric(record.serviceNumber());
        this.unit = record.unit() == null ? "" : unitKey(record.unit());
    }

    public static PreparedPerson of(PersonRecord record) {
        return new PreparedPerson(record);
    }

    public PersonRecord record() {
        return record;
    }

    public ParsedName name() {
        return name;
    }

    /** The service number in upper case without spaces, dashes or other separators; empty if not given. */
    public String serviceNumber() {
        return serviceNumber;
    }

    /** The unit's matching key; empty if not given. */
    public String unit() {
        return unit;
    }

    /**
     * The blocking keys under which this person is indexed and looked up: surname key prefix with birth year,
     * surname sound key with birth year, given name (its equivalence-table line, so Олександр and Александр
     * share it) with surname sound key, given name with full birth date, father's name (from the patronymic)
     * with surname sound key, given name with father's name (these three for misspelt surnames and missing
     * dates), and the service number. Two records of one person written in different
     * scripts, with a typo or a date error, still share at least one of them in nearly every case.
     */
    public List<String> blockingKeys() {
        KeyTexts keys = new KeyTexts();
        writeBlockingKeys(name.surname(), name.givenName(), keys);
        return keys.keys;
    }

    /** The blocking keys as if surname and given name were swapped (for lookups of lists that mix the order). */
    public List<String> swappedBlockingKeys() {
        KeyTexts keys = new KeyTexts();
        writeBlockingKeys(name.givenName(), name.surname(), keys);
        return keys.keys;
    }

    /**
     * The {@link BlockingIndex#hash hashes} of the keys this person is looked up by — its blocking keys in either name
     * order — each once, made without writing the keys out.
     */
    public long[] lookupKeyHashes() {
        KeyHashes keys = new KeyHashes(new long[2 * BlockingIndex.MAX_KEYS]);
        writeBlockingKeys(name.surname(), name.givenName(), keys);
        writeBlockingKeys(name.givenName(), name.surname(), keys);
        return Arrays.stream(keys.hashes, 0, keys.count).distinct().toArray();
    }

    /**
     * The {@link BlockingIndex#hash hashes} of the {@link #blockingKeys() blocking keys} into {@code hashes} (room
     * for {@link BlockingIndex#MAX_KEYS}), made without writing the keys out: a list of a million is indexed so.
     *
     * @return how many were written
     */
    int blockingKeyHashes(long[] hashes) {
        KeyHashes keys = new KeyHashes(hashes);
        writeBlockingKeys(name.surname(), name.givenName(), keys);
        return keys.count;
    }

    /** Writes the blocking keys, one definition for their text and their hashes. */
    private void writeBlockingKeys(NamePart surname, NamePart given, KeyWriter keys) {
        NamePart patronymic = name.patronymic() != null && !name.patronymic().initial() ? name.patronymic() : null;
        BirthDate date = record.dateOfBirth();
        if (surname != null && !surname.initial()) {
            String stem = Surnames.stem(surname.key());
            if (date != null) {
                keys.start('s').text(stem, 0, Math.min(4, stem.length())).number(date.year()).end();
                keys.start('p').text(surname.phonetic()).number(date.year()).end();
            }
            if (given != null && !given.initial()) {
                givenKey(given, keys.start('g')).text(":").text(surname.phonetic()).end();
            }
        }
        if (given != null && !given.initial() && date != null && date.hasDay()) {
            givenKey(given, keys.start('d')).text(":").number(date.year()).text(date.month() < 10 ? "-0" : "-")
                    .number(date.month()).text(date.day() < 10 ? "-0" : "-").number(date.day()).end();
        }
        if (patronymic != null) {
            if (surname != null && !surname.initial()) {
                fatherKey(patronymic, keys.start('f')).text(":").text(surname.phonetic()).end();
            }
            if (given != null && !given.initial()) {
                fatherKey(patronymic, givenKey(given, keys.start('h')).text(":")).end();
            }
        }
        if (!serviceNumber.isEmpty()) {
            keys.start('n').text(serviceNumber).end();
        }
    }

    /** The given name's line in the equivalence table, so that every language's form shares it; else its key. */
    private static KeyWriter givenKey(NamePart given, KeyWriter keys) {
        return given.name() != null ? keys.text("#").number(given.name().id()) : keys.text(given.key());
    }

    /** The father's name a patronymic is formed from, by its table line; else the patronymic's stem. */
    private static KeyWriter fatherKey(NamePart patronymic, KeyWriter keys) {
        return patronymic.name() != null ? keys.text("#").number(patronymic.name().id())
                : keys.text(Patronymics.stem(patronymic.key()));
    }

    /** Receives blocking keys character by character. */
    private abstract static class KeyWriter {
        abstract KeyWriter start(char kind);

        abstract void append(char c);

        abstract void end();

        final KeyWriter text(String text) {
            return text(text, 0, text.length());
        }

        final KeyWriter text(String text, int from, int to) {
            for (int i = from; i < to; i++) {
                append(text.charAt(i));
            }
            return this;
        }

        /** A non-negative number in decimal, as string concatenation writes it. */
        final KeyWriter number(int number) {
            int divisor = 1;
            while (divisor <= number / 10) {
                divisor *= 10;
            }
            for (; divisor > 0; divisor /= 10) {
                append((char) ('0' + number / divisor % 10));
            }
            return this;
        }
    }

    /** The keys as text. */
    private static final class KeyTexts extends KeyWriter {
        final List<String> keys = new ArrayList<>(BlockingIndex.MAX_KEYS);
        private final StringBuilder key = new StringBuilder(32);

        @Override
        KeyWriter start(char kind) {
            key.setLength(0);
            key.append(kind);
            return this;
        }

        @Override
        void append(char c) {
            key.append(c);
        }

        @Override
        void end() {
            keys.add(key.toString());
        }
    }

    /** The keys' hashes, computed as {@link BlockingIndex#hash} computes them from the text. */
    private static final class KeyHashes extends KeyWriter {
        final long[] hashes;
        int count;
        private long hash;

        KeyHashes(long[] hashes) {
            this.hashes = hashes;
        }

        @Override
        KeyWriter start(char kind) {
            hash = BlockingIndex.FNV_OFFSET;
            append(kind);
            return this;
        }

        @Override
        void append(char c) {
            hash = (hash ^ c) * BlockingIndex.FNV_PRIME;
        }

        @Override
        void end() {
            hashes[count++] = hash;
        }
    }

    /**
     * Units repeat even more than names (a registry of a million persons names some thousands), so each one's key
     * is made once, for up to {@link #REMEMBERED_UNITS} of them.
     */
    private static String unitKey(String unit) {
        String key = UNIT_KEYS.get(unit);
        if (key == null) {
            key = MatchKey.of(unit);
            if (UNIT_KEYS.size() < REMEMBERED_UNITS) {
                UNIT_KEYS.putIfAbsent(unit, key);
            }
        }
        return key;
    }

    private static final Map<String, String> UNIT_KEYS = new ConcurrentHashMap<>();
    private static final int REMEMBERED_UNITS = 50_000;

    private static String alphanumeric(String text) {
        if (text == null) {
            return "";
        }
        String upper = text.toUpperCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(upper.length());
        for (int i = 0; i < upper.length(); ) {
            int c = upper.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isLetterOrDigit(c)) {
                int lookalike = CYRILLIC_LOOKALIKES.indexOf(c);
                out.appendCodePoint(lookalike >= 0 ? LATIN_LOOKALIKES.charAt(lookalike) : c);
            }
        }
        return out.toString();
    }
}
