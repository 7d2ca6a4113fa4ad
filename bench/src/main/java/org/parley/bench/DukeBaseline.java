package org.parley.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import no.priv.garshol.duke.ConfigurationImpl;
import no.priv.garshol.duke.Processor;
import no.priv.garshol.duke.Property;
import no.priv.garshol.duke.PropertyImpl;
import no.priv.garshol.duke.Record;
import no.priv.garshol.duke.RecordImpl;
import no.priv.garshol.duke.comparators.ExactComparator;
import no.priv.garshol.duke.comparators.JaroWinkler;
import no.priv.garshol.duke.comparators.Levenshtein;
import java.util.function.UnaryOperator;
import no.priv.garshol.duke.databases.InMemoryDatabase;
import no.priv.garshol.duke.databases.LuceneDatabase;
import no.priv.garshol.duke.datasources.InMemoryDataSource;
import no.priv.garshol.duke.matchers.AbstractMatchListener;
import org.parley.names.PersonRecord;

/**
 * The Duke 1.2 record-linkage engine configured as its documentation suggests for person records: Jaro–Winkler
 * on name parts, Levenshtein on the full date, exact service number, each with low/high probabilities, over
 * ICU-transliterated names ({@link Baseline}). Candidates come from Duke's in-memory database, which compares
 * every pair: its Lucene lookup found a candidate for only about a third of the true pairs here (recall 0.36),
 * so the exhaustive search is the fairer baseline, at the price of time.
 */
final class DukeBaseline {

    private DukeBaseline() {
    }

    static Map<String, Baseline.Best> link(List<PersonRecord> left, List<PersonRecord> right) {
        ConfigurationImpl config = configuration();
        config.addDataSource(1, source(left, "L", Baseline::latin));
        config.addDataSource(2, source(right, "R", Baseline::latin));
        config.setDatabase(new InMemoryDatabase());
        return run(config);
    }

    /**
     * Duke as one would run it on a large right list: the right list indexed in Duke's Lucene database (group 1),
     * each left record looked up there (group 2). The names are transliterated on both cores, each distinct
     * text once (names repeat: a million records hold some tens of thousands of distinct ones).
     *
     * @param prepared told when the records are transliterated, before Duke indexes them
     */
    static Map<String, Baseline.Best> linkIndexed(List<PersonRecord> left, List<PersonRecord> right,
            Runnable prepared) {
        Map<String, String> latin = new ConcurrentHashMap<>();
        UnaryOperator<String> remembered = text -> text == null ? "" : latin.computeIfAbsent(text, Baseline::latin);
        ConfigurationImpl config = configuration();
        config.addDataSource(1, source(right, "R", remembered));
        config.addDataSource(2, source(left, "L", remembered));
        LuceneDatabase database = new LuceneDatabase();
        database.setConfiguration(config);
        config.setDatabase(database);
        prepared.run();
        return run(config);
    }

    private static ConfigurationImpl configuration() {
        ConfigurationImpl config = new ConfigurationImpl();
        List<Property> properties = new ArrayList<>();
        properties.add(new PropertyImpl("ID"));
        properties.add(new PropertyImpl("SURNAME", new JaroWinkler(), 0.05, 0.75));
        properties.add(new PropertyImpl("GIVEN", new JaroWinkler(), 0.2, 0.65));
        properties.add(new PropertyImpl("PATRONYMIC", new JaroWinkler(), 0.35, 0.6));
        properties.add(new PropertyImpl("DOB", new Levenshtein(), 0.1, 0.85));
        properties.add(new PropertyImpl("NUMBER", new ExactComparator(), 0.4, 0.9));
        config.setProperties(properties);
        config.setThreshold(0.5);
        config.setMaybeThreshold(0.3);
        return config;
    }

    private static Map<String, Baseline.Best> run(ConfigurationImpl config) {
        Processor processor = new Processor(config);
        processor.setThreads(2);
        Map<String, Baseline.Best> best = new ConcurrentHashMap<>();
        processor.addMatchListener(new AbstractMatchListener() {
            @Override
            public void matches(Record r1, Record r2, double confidence) {
                record(r1, r2, confidence);
            }

            @Override
            public void matchesPerhaps(Record r1, Record r2, double confidence) {
                record(r1, r2, confidence);
            }

            private void record(Record r1, Record r2, double confidence) {
                Record l = r1.getValue("ID").startsWith("L") ? r1 : r2;
                Record r = l == r1 ? r2 : r1;
                best.merge(l.getValue("ID").substring(1), new Baseline.Best(r.getValue("ID").substring(1), confidence),
                        (a, b) -> a.score() >= b.score() ? a : b);
            }
        });
        processor.link();
        processor.close();
        return best;
    }

    private static InMemoryDataSource source(List<PersonRecord> records, String prefix, UnaryOperator<String> latin) {
        InMemoryDataSource source = new InMemoryDataSource();
        records.parallelStream().map(p -> record(p, prefix, latin)).toList().forEach(source::add);
        return source;
    }

    private static RecordImpl record(PersonRecord p, String prefix, UnaryOperator<String> latin) {
        RecordImpl record = new RecordImpl();
        record.addValue("ID", prefix + p.id());
        String[] names = Baseline.nameParts(p, latin);
        add(record, "SURNAME", names[0]);
        add(record, "GIVEN", names[1]);
        add(record, "PATRONYMIC", names[2]);
        add(record, "DOB", Baseline.date(p));
        add(record, "NUMBER", Baseline.number(p));
        return record;
    }

    private static void add(RecordImpl record, String property, String value) {
        if (!value.isEmpty()) {
            record.addValue(property, value);
        }
    }
}
