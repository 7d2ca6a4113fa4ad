package org.parley.reports;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import jakarta.annotation.PreDestroy;
import org.parley.api.Caller;
import org.parley.api.ForbiddenException;
import org.parley.api.NotFoundException;
import org.parley.audit.AuditTree;
import org.parley.exchange.ExchangeFigures;
import org.parley.registry.PersonFigures;
import org.parley.registry.PersonFilter;
import org.parley.wishes.WishFigures;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Computes the figures of a caller's view, each with its breakdown and the audit log's size and root at that moment,
 * and lists the records each counts. Everything of one answer is read in one snapshot (a read-only REPEATABLE READ
 * transaction): the log's size then names exactly the changes the figures include, since every change appends its
 * entry in its own transaction. The figures of one answer are computed at the same time on separate connections,
 * each in a transaction that imports the answer's snapshot ({@code pg_export_snapshot()}, {@code SET TRANSACTION
 * SNAPSHOT}), so that they still see one and the same state of the data.
 */
@Service
class FiguresService {

    static final String RECORD = "figure";
    static final String RECORDS_PATH = "/api/v1/figures/%s/records";

    private final PersonFigures persons;
    private final WishFigures wishes;
    private final ExchangeFigures exchanges;
    private final AuditTree tree;
    private final TransactionTemplate snapshot;
    private final JdbcClient jdbc;
    /** At most this many figures of all answers are computed on connections of their own at once. */
    static final int WORKERS = 3;
    private final ExecutorService workers = Executors.newFixedThreadPool(WORKERS, work -> {
        Thread thread = new Thread(work, "figures");
        thread.setDaemon(true);
        return thread;
    });
    /** What {@code pg_export_snapshot()} returns, checked before it is written into a statement. */
    private static final Pattern SNAPSHOT_ID = Pattern.compile("[0-9A-F]+-[0-9A-F]+(-[0-9]+)?");
    static final int CACHED = 64;
    private final Map<CacheKey, List<Figure>> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<CacheKey, List<Figure>> eldest) {
            return size() > CACHED;
        }
    };

    FiguresService(PersonFigures persons, WishFigures wishes, ExchangeFigures exchanges, AuditTree tree,
            PlatformTransactionManager transactions, JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.persons = persons;
        this.wishes = wishes;
        this.exchanges = exchanges;
        this.tree = tree;
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setReadOnly(true);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    /** Runs {@code work} in one snapshot of the database. */
    <T> T inSnapshot(Supplier<T> work) {
        return snapshot.execute(status -> work.get());
    }

    /** The audit log now (inside a snapshot: as of it). */
    Figure.AsOf asOf() {
        long size = tree.size();
        return new Figure.AsOf(size, size == 0 ? "" : HexFormat.of().formatHex(tree.root(size)));
    }

    /**
     * Every figure of the caller's view, in one snapshot. Figures depend only on the reader's organisation, the filter,
     * the day (time in captivity) and the data, and every change of the data appends an audit entry in its
     * transaction: so figures computed at one size of the log are those of any later snapshot at that size, and are
     * kept for it ({@link #CACHED} sets of them, the least recently used dropped first).
     */
    List<Figure> all(Caller caller, PersonFilter filter) {
        requireReader(caller);
        return inSnapshot(() -> {
            Figure.AsOf asOf = asOf();
            CacheKey key = new CacheKey(caller.organisation(), filter, LocalDate.now(ZoneOffset.UTC), asOf);
            synchronized (cache) {
                List<Figure> kept = cache.get(key);
                if (kept != null) {
                    return kept;
                }
            }
            List<Figure> figures = concurrently(caller, filter, asOf, FigureCatalog.of(caller));
            synchronized (cache) {
                cache.put(key, List.copyOf(figures));
            }
            return figures;
        });
    }

    /**
     * The figures of {@code entries}, the first on this thread in its snapshot, the others at the same time on the
     * workers' connections, in transactions that import this one's snapshot: one state of the data for all. This
     * transaction stays open until every worker is done (a snapshot can be imported only while it is).
     */
    private List<Figure> concurrently(Caller caller, PersonFilter filter, Figure.AsOf asOf,
            List<FigureCatalog.Entry> entries) {
        String exported = jdbc.sql("select pg_export_snapshot()").query(String.class).single();
        if (!SNAPSHOT_ID.matcher(exported).matches()) {
            throw new IllegalStateException("unexpected snapshot id " + exported);
        }
        List<Future<Figure>> others = new ArrayList<>();
        for (FigureCatalog.Entry entry : entries.subList(1, entries.size())) {
            others.add(workers.submit(() -> snapshot.execute(status -> {
                jdbc.sql("set transaction snapshot '" + exported + "'").update();
                return compute(caller, entry, filter, asOf);
            })));
        }
        try {
            List<Figure> figures = new ArrayList<>();
            figures.add(compute(caller, entries.get(0), filter, asOf));
            for (Future<Figure> other : others) {
                figures.add(other.get());
            }
            return figures;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while computing figures", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            // after a failure too, every worker is done before this transaction (and its snapshot) ends
            for (Future<Figure> other : others) {
                try {
                    other.get();
                } catch (InterruptedException | ExecutionException ignored) {
                    // reported above
                }
            }
        }
    }

    @PreDestroy
    void stopWorkers() {
        workers.shutdownNow();
    }

    /** What a set of figures depends on: whose view, which persons, which day, which state of the data. */
    private record CacheKey(String organisation, PersonFilter filter, LocalDate day, Figure.AsOf asOf) {
    }

    /** One figure of the caller's view; 404 for an id that is not one of them. */
    Figure one(Caller caller, String id, PersonFilter filter) {
        FigureCatalog.Entry entry = entry(caller, id);
        return inSnapshot(() -> compute(caller, entry, filter, asOf()));
    }

    FigureCatalog.Entry entry(Caller caller, String id) {
        requireReader(caller);
        return FigureCatalog.find(caller, id).orElseThrow(() -> NotFoundException.of(RECORD, id));
    }

    Figure compute(Caller caller, FigureCatalog.Entry entry, PersonFilter filter, Figure.AsOf asOf) {
        long value;
        Map<String, Object> breakdown = new LinkedHashMap<>();
        switch (entry.id()) {
            case FigureCatalog.WISHES -> {
                WishFigures.Counts counts = wishes.counts(caller, filter);
                value = counts.total();
                breakdown.put("wishStatus", counts.byStatus());
                breakdown.put("rankGroup", counts.byRankGroup());
                breakdown.put("branch", counts.byBranch());
            }
            case FigureCatalog.EXCHANGED -> {
                value = exchanges.transferredCount(caller, filter);
                Map<String, Object> rounds = new LinkedHashMap<>();
                for (ExchangeFigures.RoundCounts r : exchanges.rounds(caller, filter)) {
                    Map<String, Object> round = new LinkedHashMap<>();
                    round.put("title", r.title());
                    round.put("agreedAt", r.agreedAt().toString());
                    round.put("agreed", r.agreed());
                    round.put("transferred", r.transferred());
                    rounds.put(r.roundId(), round);
                }
                breakdown.put("rounds", rounds);
            }
            case FigureCatalog.LEFT_OFF -> {
                ExchangeFigures.LeftOffCounts counts = exchanges.leftOff(caller, filter);
                value = counts.persons();
                Map<String, Map<String, Object>> rounds = new LinkedHashMap<>();
                for (ExchangeFigures.ListCounts l : counts.lists()) {
                    Map<String, Object> round = rounds.computeIfAbsent(l.roundId(), id -> {
                        Map<String, Object> r = new LinkedHashMap<>();
                        r.put("title", l.title());
                        r.put("lists", new LinkedHashMap<String, Object>());
                        return r;
                    });
                    Map<String, Object> list = new LinkedHashMap<>();
                    list.put("persons", l.persons());
                    list.put("removalReason", l.byReason());
                    @SuppressWarnings("unchecked")
                    Map<String, Object> lists = (Map<String, Object>) round.get("lists");
                    lists.put(l.party() + "/" + l.kind(), list);
                }
                breakdown.put("rounds", rounds);
                breakdown.put("removalReason", counts.byReason());
            }
            default -> {
                PersonFigures.Counts counts = persons.custody(caller, filter, entry.scope());
                value = counts.total();
                breakdown.putAll(counts.breakdown());
            }
        }
        return new Figure(entry.id(), entry.title(), value, breakdown, entry.definition(), asOf,
                String.format(RECORDS_PATH, entry.id()));
    }

    /** The internal ids of the persons a figure counts, by id, from {@code offset}; all when {@code limit} < 0. */
    List<Long> ids(Caller caller, FigureCatalog.Entry entry, PersonFilter filter, long offset, int limit) {
        return switch (entry.id()) {
            case FigureCatalog.WISHES -> wishes.ids(caller, filter, offset, limit);
            case FigureCatalog.EXCHANGED -> exchanges.transferredIds(caller, filter, offset, limit);
            case FigureCatalog.LEFT_OFF -> exchanges.leftOffIds(caller, filter, offset, limit);
            default -> persons.custodyIds(caller, filter, entry.scope(), offset, limit);
        };
    }

    /** How many persons a figure counts: its value, without the breakdown. */
    long count(Caller caller, FigureCatalog.Entry entry, PersonFilter filter) {
        return switch (entry.id()) {
            case FigureCatalog.WISHES -> wishes.counts(caller, filter).total();
            case FigureCatalog.EXCHANGED -> exchanges.transferredCount(caller, filter);
            case FigureCatalog.LEFT_OFF -> exchanges.leftOffCount(caller, filter);
            default -> persons.custody(caller, filter, entry.scope()).total();
        };
    }

    static void requireReader(Caller caller) {
        if (!caller.readsRecords()) {
            throw new ForbiddenException("your roles do not include reading figures", RECORD, null);
        }
    }
}
