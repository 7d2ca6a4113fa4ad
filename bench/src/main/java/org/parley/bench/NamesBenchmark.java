package org.parley.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.parley.names.Language;
import org.parley.names.MatchKey;
import org.parley.names.PersonRecord;
import org.parley.names.PreparedPerson;
import org.parley.names.Scorer;
import org.parley.names.Standard;
import org.parley.names.Transliteration;
import org.parley.names.testdata.GeneratedLists;
import org.parley.names.testdata.ListPairGenerator;

/**
 * Per-record costs of the matching steps, averaged over 1,000 generated records of every kind (Cyrillic and
 * Latin, parts and full names): matching keys of the three name parts, preparing a record (parsing, keys,
 * equivalence lookups, blocking keys), scoring a true pair, and, for comparison, ICU transliteration of the
 * three parts under KMU 2010.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class NamesBenchmark {

    private List<PersonRecord> records;
    private List<PreparedPerson> left;
    private List<PreparedPerson> right;
    private final Scorer scorer = new Scorer();
    private int next;

    @Setup
    public void setup() {
        GeneratedLists lists = new ListPairGenerator(1).generate(1_000, 0, 0);
        records = lists.right();
        java.util.Map<String, PersonRecord> byId = new java.util.HashMap<>();
        lists.right().forEach(r -> byId.put(r.id(), r));
        left = lists.left().stream().map(PreparedPerson::of).toList();
        right = lists.left().stream().map(l -> PreparedPerson.of(byId.get(lists.truth().get(l.id())))).toList();
    }

    private int index() {
        next = (next + 1) % 1_000;
        return next;
    }

    @Benchmark
    public int matchKeysOfThreeParts() {
        PersonRecord r = records.get(index());
        return MatchKey.of(r.surname()).length() + MatchKey.of(r.givenName()).length()
                + MatchKey.of(r.patronymic() != null ? r.patronymic() : r.fullName()).length();
    }

    @Benchmark
    public PreparedPerson prepareRecord() {
        return PreparedPerson.of(records.get(index()));
    }

    @Benchmark
    public double scorePair() {
        int i = index();
        return scorer.score(left.get(i), right.get(i)).probability();
    }

    @Benchmark
    public int icuTransliterationOfThreeParts() {
        PersonRecord r = left.get(index()).record();
        return Transliteration.toLatin(r.surname(), Standard.KMU_2010, Language.UKRAINIAN).orElseThrow().length()
                + Transliteration.toLatin(r.givenName(), Standard.KMU_2010, Language.UKRAINIAN).orElseThrow().length()
                + Transliteration.toLatin(r.patronymic(), Standard.KMU_2010, Language.UKRAINIAN).orElseThrow().length();
    }
}
