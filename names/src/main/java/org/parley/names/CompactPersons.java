package org.parley.names;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * The side of a linkage that is searched (a registry, a right list of a million persons), held as columns of
 * what the scorer compares rather than as one {@link PreparedPerson} per person, with its {@link BlockingIndex}.
 * The columns point at shared values: name parts are made once per spelling ({@link NamePart#of}), equal dates
 * of birth and unit keys are one object each, so a person costs a few references and a service number, and the
 * garbage collector has little to copy. Each person is prepared once while the columns are filled, on all cores,
 * and then dropped.
 */
public final class CompactPersons {

    private final NamePart[] surnames;
    private final NamePart[] givenNames;
    private final NamePart[] patronymics;
    private final BirthDate[] datesOfBirth;
    private final String[] serviceNumbers;
    private final String[] units;
    private final BlockingIndex index;

    private CompactPersons(int size, IntFunction<PreparedPerson> person) {
        surnames = new NamePart[size];
        givenNames = new NamePart[size];
        patronymics = new NamePart[size];
        datesOfBirth = new BirthDate[size];
        serviceNumbers = new String[size];
        units = new String[size];
        Map<BirthDate, BirthDate> dates = new ConcurrentHashMap<>();
        Map<String, String> unitKeys = new ConcurrentHashMap<>();
        int positionBits = BlockingIndex.positionBits(size);
        long[] entries = new long[size * BlockingIndex.MAX_KEYS];
        IntStream.range(0, size).parallel().forEach(i -> {
            PreparedPerson p = person.apply(i);
            surnames[i] = p.name().surname();
            givenNames[i] = p.name().givenName();
            patronymics[i] = p.name().patronymic();
            BirthDate born = p.record().dateOfBirth();
            datesOfBirth[i] = born == null ? null : dates.computeIfAbsent(born, d -> d);
            serviceNumbers[i] = p.serviceNumber().isEmpty() ? "" : p.serviceNumber();
            units[i] = p.unit().isEmpty() ? "" : unitKeys.computeIfAbsent(p.unit(), u -> u);
            BlockingIndex.write(p, i, positionBits, entries);
        });
        index = BlockingIndex.of(entries, positionBits);
    }

    /** Prepares the records and keeps what linking needs of them (the records themselves stay with the caller). */
    public static CompactPersons prepare(List<PersonRecord> records) {
        return new CompactPersons(records.size(), i -> PreparedPerson.of(records.get(i)));
    }

    /** Keeps what linking needs of persons already prepared. */
    public static CompactPersons of(List<PreparedPerson> persons) {
        return new CompactPersons(persons.size(), persons::get);
    }

    public int size() {
        return surnames.length;
    }

    BlockingIndex index() {
        return index;
    }

    NamePart surname(int i) {
        return surnames[i];
    }

    NamePart givenName(int i) {
        return givenNames[i];
    }

    NamePart patronymic(int i) {
        return patronymics[i];
    }

    BirthDate dateOfBirth(int i) {
        return datesOfBirth[i];
    }

    String serviceNumber(int i) {
        return serviceNumbers[i];
    }

    String unit(int i) {
        return units[i];
    }
}
