package org.parley.tracing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.parley.names.Explanation;
import org.parley.names.Linkage;
import org.parley.names.NamePart;
import org.parley.names.PersonRecord;
import org.parley.names.PreparedPerson;
import org.parley.names.Score;
import org.parley.names.Scorer;
import org.parley.names.SearchKeys;
import org.parley.registry.MatchablePerson;
import org.parley.registry.PersonMatching;
import org.springframework.stereotype.Component;

/**
 * Finds the registered persons who may be the one a tracing request seeks, with the {@code names} library: the
 * persons the recording organisation may see who share a name search key with the sought surname (in any script:
 * Shevchenko finds Шевченко) or one of the blocking keys the registry stores (surname sound and year of birth, given
 * name and surname, given name and date of birth, …), scored by its Fellegi–Sunter scorer; those at or above the
 * review threshold are candidates, best first, each with the scorer's explanation. A key that more than
 * {@link PersonMatching#MAX_BLOCK} persons share is skipped ({@link PersonMatching#sharingKeys}): a common surname
 * alone narrows nothing down, the rarer keys of the same person still find it.
 *
 * <p>The keys of a request (the surname's search keys, and the blocking keys of {@link PreparedPerson}, prefixed
 * {@code b:}, which survive a misspelt surname) are also what the standing search joins a newly visible person's
 * keys to ({@link #personKeys}).
 */
@Component
class TracingSearch {

    /** Candidates kept at most when a request is recorded: more would hide the likely ones. */
    static final int MAX_CANDIDATES = 20;
    private static final String BLOCKING = "b:";

    /** A person found for a request. */
    record Found(long personId, double score, String explanation) {
    }

    private final PersonMatching matching;
    private final Scorer scorer = new Scorer();
    private final double review = Linkage.Thresholds.DEFAULT.review();

    TracingSearch(PersonMatching matching) {
        this.matching = matching;
    }

    /** The candidates among what the organisation may see, best first. */
    List<Found> search(String organisation, TracingInput input) {
        return search(organisation, input, MAX_CANDIDATES);
    }

    /** The candidates among what the organisation may see, best first, at most {@code most}. */
    List<Found> search(String organisation, TracingInput input, int most) {
        PreparedPerson sought = PreparedPerson.of(input.record("request"));
        List<Found> found = score(sought, matching.sharingKeys(organisation, surnameKeys(sought),
                sought.lookupKeyHashes()));
        found.sort(Comparator.comparingDouble(Found::score).reversed());
        return found.size() > most ? List.copyOf(found.subList(0, most)) : found;
    }

    /** Those of the persons who score at or above the review threshold against the sought one. */
    List<Found> score(PreparedPerson sought, List<MatchablePerson> persons) {
        List<Found> found = new ArrayList<>();
        for (MatchablePerson person : persons) {
            PreparedPerson registered = PreparedPerson.of(person.record());
            Score score = scorer.score(sought, registered);
            if (score.probability() >= review) {
                found.add(new Found(person.id(), score.probability(), String.format(Locale.ROOT, "%.3f: %s",
                        score.probability(), Explanation.of(sought, registered, score))));
            }
        }
        return found;
    }

    /** The keys a request is found under by the standing search while it is open. */
    static Set<String> requestKeys(PreparedPerson sought) {
        Set<String> keys = new LinkedHashSet<>(surnameKeys(sought));
        sought.blockingKeys().forEach(k -> keys.add(BLOCKING + k));
        sought.swappedBlockingKeys().forEach(k -> keys.add(BLOCKING + k));
        return keys;
    }

    /** The keys of a registered person, to join to the requests' keys. */
    static Set<String> personKeys(PersonRecord record) {
        Set<String> keys = new LinkedHashSet<>(SearchKeys.ofPerson(record.surname(), record.givenName(),
                record.patronymic()));
        PreparedPerson.of(record).blockingKeys().forEach(k -> keys.add(BLOCKING + k));
        return keys;
    }

    /** The search keys of the sought surname (of the given name if only that is known). */
    private static Set<String> surnameKeys(PreparedPerson sought) {
        NamePart surname = sought.name().surname() != null ? sought.name().surname() : sought.name().givenName();
        return surname == null ? Set.of() : SearchKeys.ofQueryWord(surname.written());
    }
}
