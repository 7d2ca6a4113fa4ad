package org.parley.registry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.parley.api.Caller;
import org.parley.names.BirthDate;
import org.parley.names.Field;
import org.parley.names.Level;
import org.parley.names.Linkage;
import org.parley.names.NamePart;
import org.parley.names.PersonRecord;
import org.parley.names.PreparedPerson;
import org.parley.names.Score;
import org.parley.names.Scorer;
import org.parley.names.SearchKeys;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The persons already registered who may be the one a registrar is about to register: the registry's name keys
 * find the candidates in any script (Shevchenko finds Шевченко, Aleksandr finds Олександр), and the name matcher's
 * Fellegi–Sunter scorer, the one that reconciles exchange lists (README, "Name matching and reconcile"), keeps those
 * at or above its review threshold, best first.
 */
@Service
class Namesakes {

    /** Namesakes shown at most: more would hide the likely ones. */
    static final int MAX_SHOWN = 10;
    /** Candidates scored at most; the name keys and the year of birth keep them far fewer for real names. */
    static final int MAX_CANDIDATES = 500;

    private final PersonRepository persons;
    private final Scorer scorer = new Scorer();

    Namesakes(PersonRepository persons) {
        this.persons = persons;
    }

    /** How one fact of the entered record compares with the registered one's ({@code level} never MISSING). */
    record Agreement(Field field, Level level, String entered, String registered) {
    }

    /** A registered person who may be the same, as the caller may read them, with the score and its parts. */
    record Namesake(Person person, Score score, List<Agreement> agreements) {
    }

    /** The likely namesakes of the facts entered, among the persons the caller may see. */
    @Transactional(readOnly = true)
    List<Namesake> of(Caller caller, PersonInput facts) {
        RecordAccess.requireReader(caller);
        PersonRecord entered = record("new", facts);
        if (entered.surname() == null) {
            return List.of();
        }
        Set<String> surnameKeys = SearchKeys.ofQueryWord(entered.surname());
        if (surnameKeys.isEmpty()) {
            return List.of();
        }
        Set<String> givenKeys = entered.givenName() == null ? Set.of() : SearchKeys.ofQueryWord(entered.givenName());
        Integer year = entered.dateOfBirth() == null ? null : entered.dateOfBirth().year();
        PreparedPerson prepared = PreparedPerson.of(entered);
        double threshold = Linkage.Thresholds.DEFAULT.review();
        List<Namesake> found = new ArrayList<>();
        for (Person candidate : persons.namesakeCandidates(caller, surnameKeys, givenKeys, year, MAX_CANDIDATES)) {
            PreparedPerson registered = PreparedPerson.of(record(candidate.publicId(), candidate.facts()));
            Score score = scorer.score(prepared, registered);
            if (score.probability() >= threshold) {
                found.add(new Namesake(RecordAccess.redact(caller, candidate), score,
                        agreements(prepared, registered, score)));
            }
        }
        found.sort(Comparator.comparingDouble((Namesake n) -> n.score().weight()).reversed());
        return found.size() > MAX_SHOWN ? List.copyOf(found.subList(0, MAX_SHOWN)) : List.copyOf(found);
    }

    /** The facts the scorer compared, as written on each side; those missing on either side are left out. */
    private static List<Agreement> agreements(PreparedPerson entered, PreparedPerson registered, Score score) {
        NamePart surname = score.swapped() ? entered.name().givenName() : entered.name().surname();
        NamePart given = score.swapped() ? entered.name().surname() : entered.name().givenName();
        List<Agreement> agreements = new ArrayList<>();
        add(agreements, score, Field.SURNAME, written(surname), written(registered.name().surname()));
        add(agreements, score, Field.GIVEN_NAME, written(given), written(registered.name().givenName()));
        add(agreements, score, Field.PATRONYMIC, written(entered.name().patronymic()),
                written(registered.name().patronymic()));
        add(agreements, score, Field.DATE_OF_BIRTH, text(entered.record().dateOfBirth()),
                text(registered.record().dateOfBirth()));
        add(agreements, score, Field.SERVICE_NUMBER, entered.record().serviceNumber(),
                registered.record().serviceNumber());
        add(agreements, score, Field.UNIT, entered.record().unit(), registered.record().unit());
        return List.copyOf(agreements);
    }

    private static void add(List<Agreement> agreements, Score score, Field field, String entered, String registered) {
        Level level = score.levels().get(field);
        if (level != null && level != Level.MISSING) {
            agreements.add(new Agreement(field, level, entered, registered));
        }
    }

    /** A person's facts as the name matcher reads them (the same fields as an exchange's reconciliation). */
    static PersonRecord record(String id, PersonInput facts) {
        Object born = facts.get(PersonField.DATE_OF_BIRTH);
        return new PersonRecord(id, text(facts, PersonField.SURNAME), text(facts, PersonField.GIVEN_NAME),
                text(facts, PersonField.PATRONYMIC), null, born == null ? null : BirthDate.parse(born.toString()),
                text(facts, PersonField.SERVICE_NUMBER), text(facts, PersonField.UNIT), text(facts, PersonField.RANK));
    }

    private static String text(PersonInput facts, PersonField field) {
        Object value = facts.get(field);
        return value == null ? null : value.toString();
    }

    private static String written(NamePart part) {
        return part == null ? null : part.written();
    }

    private static String text(BirthDate date) {
        return date == null ? null : date.toString();
    }
}
