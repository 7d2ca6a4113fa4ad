package org.parley.registry;

import com.ibm.icu.text.CollationKey;
import com.ibm.icu.text.Collator;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.parley.api.Caller;
import org.parley.api.CanonicalJson;
import org.parley.api.PublicIds;
import org.parley.names.BirthDate;
import org.parley.names.NameNormalizer;
import org.parley.names.PersonRecord;
import org.parley.names.Script;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/** SQL for table {@code person}; columns follow {@link PersonField}. */
@Repository
class PersonRepository {

    private static final String SELECT = "select p.*, h.code as holding_code, o.code as origin_code, "
            + "array(select fo.code from person_former_origin f join organisation fo on fo.id = f.organisation_id "
            + "where f.person_id = p.id) as former_origins from person p "
            + "join organisation h on h.id = p.holding_party_id "
            + "left join organisation o on o.id = p.power_of_origin_id ";
    private static final List<PersonField> FACT_COLUMNS = List.of(PersonField.values());
    /** Candidates a name search reads and ranks in Java at most; a search with more is scored by the database. */
    static final int RANKED_IN_JAVA = 5_000;
    /**
     * A query word with more rows than this is common; a search whose every word is common finds the persons so
     * named, through the registry's spellings ({@link #bySpelling}) or the name pairs ({@link #namesakes}), and its
     * total may be capped.
     */
    static final int COMMON_WORD = 500;
    /** Persons found by their name pairs a search reads at most; with more, its total is a lower bound. */
    static final int NAMESAKES_READ = 5_000;
    /** A search of one common word counts its persons up to this; with more, its total is this, a lower bound. */
    static final int TOTAL_CAP = 1_000;
    /**
     * A list without a name search counts its persons up to this too, or to the end of the page after the one shown
     * (so that there is a next page to go to); with more, its total is that, a lower bound ({@link Page#totalCapped}).
     */
    static final int LIST_TOTAL_CAP = 1_000;
    /** Spellings of a name whose persons one query reads ({@link #bySpelling}). */
    private static final int SPELLINGS_A_QUERY = 16;

    /**
     * How a list counts and a name search chooses its way: the candidates ranked in Java at most (ten times as many
     * for several words), the rows above which a word is common, the persons read by their name pairs at most, the
     * persons of one common word counted at most, the persons of a list without a name search counted at most.
     */
    record ListLimits(int rankedInJava, int commonWord, int namesakesRead, int totalCap, int listTotalCap) {

        static final ListLimits DEFAULT = new ListLimits(RANKED_IN_JAVA, COMMON_WORD, NAMESAKES_READ, TOTAL_CAP,
                LIST_TOTAL_CAP);
    }


    private final JdbcClient jdbc;
    /** Reads a stored fact-sources text; made once, for every text {@link #sources} has not parsed yet. */
    private final ObjectReader factSources;
    /** The sources of each stored text parsed so far, by the text ({@link #sources}). */
    private final Map<String, Map<PersonField, FactRecord>> sourcesRead = new ConcurrentHashMap<>();
    private final PublicIds publicIds;

    PersonRepository(JdbcClient jdbc, JsonMapper json, PublicIds publicIds) {
        this.jdbc = jdbc;
        this.factSources = json.readerFor(new TypeReference<Map<String, FactRecord>>() { });
        this.publicIds = publicIds;
    }

    long insert(PersonInput facts, Map<String, Long> partyIds, Status status) {
        String columns = FACT_COLUMNS.stream().map(PersonField::column).collect(Collectors.joining(", "));
        String values = FACT_COLUMNS.stream().map(f -> ":" + f.column()).collect(Collectors.joining(", "));
        return jdbc.sql("insert into person (" + columns + ", fact_sources, status, name_script) values ("
                        + values + ", :fact_sources::json, :status, :name_script) returning id")
                .params(parameters(facts, partyIds))
                .param("status", status.name())
                .query(Long.class).single();
    }

    /** Writes new facts if the stored version is still {@code version}; false if it is not (stale update). */
    boolean update(long id, int version, PersonInput facts, Map<String, Long> partyIds) {
        String assignments = FACT_COLUMNS.stream().map(f -> f.column() + " = :" + f.column())
                .collect(Collectors.joining(", "));
        return jdbc.sql("update person set " + assignments + ", fact_sources = :fact_sources::json, "
                        + "name_script = :name_script, version = version + 1, "
                        + "updated_at = now() where id = :id and version = :version")
                .params(parameters(facts, partyIds))
                .param("id", id).param("version", version)
                .update() == 1;
    }

    /** Stores what the lifecycle derived, and the present address when an event moved the person. */
    void updateLifecycle(long id, Lifecycle.State state, String internmentPlace) {
        jdbc.sql("update person set status = :status, notified_on = :notified, custody_ended_on = :ended, "
                        + "internment_place = coalesce(:place, internment_place), version = version + 1, "
                        + "updated_at = now() where id = :id")
                .param("status", state.status().name()).param("notified", state.notifiedOn())
                .param("ended", state.custodyEndedOn())
                .param("place", internmentPlace).param("id", id)
                .update();
    }

    /** These persons, in no particular order. */
    List<Person> find(List<Long> ids) {
        return jdbc.sql(SELECT + "where p.id = any(:ids)").param("ids", ids.toArray(Long[]::new)).query(this::map)
                .list();
    }

    Optional<Person> find(long id) {
        return jdbc.sql(SELECT + "where p.id = :id").param("id", id).query(this::map).optional();
    }

    /** Locks these persons' rows, in id order (so that two such calls never deadlock), and reads them. */
    List<Person> findForUpdate(List<Long> ids) {
        return jdbc.sql(SELECT + "where p.id = any(:ids) order by p.id for update of p")
                .param("ids", ids.toArray(Long[]::new)).query(this::map).list();
    }

    /** Stores what the lifecycle derived for many persons at once (events that do not move anyone). */
    void updateLifecycles(Map<Long, Lifecycle.State> states) {
        List<Long> ids = List.copyOf(states.keySet());
        jdbc.sql("update person p set status = u.status, notified_on = u.notified::date, "
                        + "custody_ended_on = u.ended::date, version = p.version + 1, updated_at = now() "
                        + "from unnest(:ids, :statuses, :notified, :ended) as u(id, status, notified, ended) "
                        + "where p.id = u.id")
                .param("ids", ids.toArray(Long[]::new))
                .param("statuses", ids.stream().map(id -> states.get(id).status().name()).toArray(String[]::new))
                .param("notified", ids.stream().map(id -> states.get(id).notifiedOn())
                        .map(d -> d == null ? null : d.toString()).toArray(String[]::new))
                .param("ended", ids.stream().map(id -> states.get(id).custodyEndedOn())
                        .map(d -> d == null ? null : d.toString()).toArray(String[]::new))
                .update();
    }

    /** Locks the row for the rest of the transaction, so that events and updates of one person are serialised. */
    Optional<Person> findForUpdate(long id) {
        return jdbc.sql(SELECT + "where p.id = :id for update of p").param("id", id).query(this::map).optional();
    }

    /**
     * A page of the persons that match the filter and that the caller may see, in the order asked for. Every order
     * is read from an index (see migration V14_2), so that a page costs about the same at a million persons as at a
     * thousand; only the count, and a name search, read every match. {@code contributed} are the values asked for
     * of other features' columns.
     */
    Page<Person> find(Caller caller, PersonFilter filter, Map<PersonListColumn, String> contributed, PersonSort sort,
            int page, int size) {
        return find(caller, filter, contributed, sort, page, size, ListLimits.DEFAULT);
    }

    /**
     * {@link #find}, a name search ranked in Java when its rarest word has at most {@code rankedInJava} rows, never
     * read from the name pairs.
     */
    Page<Person> find(Caller caller, PersonFilter filter, Map<PersonListColumn, String> contributed, PersonSort sort,
            int page, int size, int rankedInJava) {
        return find(caller, filter, contributed, sort, page, size,
                new ListLimits(rankedInJava, Integer.MAX_VALUE, NAMESAKES_READ, TOTAL_CAP, LIST_TOTAL_CAP));
    }

    /** {@link #find} with these limits of a list's count and a name search's ways. */
    Page<Person> find(Caller caller, PersonFilter filter, Map<PersonListColumn, String> contributed, PersonSort sort,
            int page, int size, ListLimits limits) {
        Map<String, Object> params = new HashMap<>();
        String where = listWhere(caller, filter, contributed, params);
        long offset = (long) page * size;
        if (searching(filter)) {
            return search(filter.q(), where, params, sort, offset, page, size, limits);
        }
        // counting every person a party may see reads half a million index rows at a million persons (0.8 s), while
        // the page itself is read from an ordered index in milliseconds: the total is counted only as far as needed
        long counted = Math.max(limits.listTotalCap(), offset + 2L * size);
        long total = jdbc.sql("select count(*) from (select 1 from person p " + where + " limit :counted) c")
                .params(params).param("counted", counted + 1).query(Long.class).single();
        List<Person> items = inOrder(orderedIds(where, params, sort, offset, size));
        return total > counted ? new Page<>(items, counted, page, size, true) : new Page<>(items, total, page, size);
    }

    /**
     * How many persons {@link #find} lists for the caller, all of them counted: an export states it on the record.
     * A name search counts as {@link #find} does (its total may be a lower bound).
     */
    long count(Caller caller, PersonFilter filter, Map<PersonListColumn, String> contributed, PersonSort sort) {
        if (searching(filter)) {
            return find(caller, filter, contributed, sort, 0, 1).total();
        }
        Map<String, Object> params = new HashMap<>();
        String where = listWhere(caller, filter, contributed, params);
        return jdbc.sql("select count(*) from person p " + where).params(params).query(Long.class).single();
    }

    /** Whether the filter searches by name: a query with at least one word (a lone hyphen has none). */
    private static boolean searching(PersonFilter filter) {
        return filter.q() != null && !queryWords(filter.q()).isEmpty();
    }

    /**
     * A name search ({@link NameSearch}). When every query word is common (more than {@code commonWord} rows), the
     * persons so named are found without reading the words' rows: by relevance, for one or two words, through the
     * registry's spellings of the name ({@link #bySpelling}); else through the persons' name pairs ({@link
     * #namesakes}). If there are none, or the words are rarer, the search runs as follows. When the
     * rarest query word matches at most {@code rankedInJava} rows (ten times as many for a query of several words),
     * the candidates are the persons of the rarest word's rows (intersected, index-only, with the second rarest's if
     * that too is rare, or if no word is), each other word checked by one index probe; they alone are read and ranked
     * by {@link NameRelevance}, which leaves out those that only a piece of a patronymic matches unless nothing else
     * matches. With more candidates (a common name alone), the database scores them from the words' rows by the same
     * points and pages them ({@link #scoredPage}).
     */
    private Page<Person> search(String q, String where, Map<String, Object> params, PersonSort sort, long offset,
            int page, int size, ListLimits limits) {
        NameSearch search = NameSearch.withoutInside(q);
        int n = search.words().size();
        // first counted up to a common word's rows only: reading further is what a search of common words avoids
        long[] counts = search.counts(jdbc, (int) Math.min(limits.commonWord(), limits.rankedInJava() * 10L),
                params);
        int[] byRarity = byRarity(counts);
        if (counts[byRarity[0]] > limits.commonWord()) {
            Page<Person> named = n <= 2 && sort.key() == PersonSort.Key.RELEVANCE ? bySpelling(q, search, where,
                    params, sort, offset, page, size, n == 1 ? limits.totalCap() : limits.namesakesRead()) : null;
            if (named != null) {
                return named;
            }
            Namesakes namesakes = n > 2 ? namesakes(q, search, true, where, params, limits.namesakesRead()) : null;
            if (namesakes == null && n > 1) {
                namesakes = namesakes(q, search, false, where, params, limits.namesakesRead());
            }
            if (namesakes != null) {
                return new Page<>(inOrder(pageOf(namesakes.matched(), sort, offset, size)),
                        namesakes.matched().size(), page, size, namesakes.capped());
            }
        }
        search = NameSearch.of(q, jdbc);
        counts = search.counts(jdbc, (int) Math.min(limits.commonWord(), limits.rankedInJava() * 10L), params);
        byRarity = byRarity(counts);
        int cap = n == 1 ? limits.rankedInJava() : (int) Math.min(Integer.MAX_VALUE - 1L, 10L * limits.rankedInJava());
        if (counts[byRarity[0]] > Math.min(limits.commonWord(), cap)) {
            counts = search.counts(jdbc, cap, params);
            byRarity = byRarity(counts);
        }
        if (counts[byRarity[0]] > cap) {
            return scoredPage(search, where, params, sort, offset, page, size);
        }
        boolean intersect = n > 1 && (counts[byRarity[1]] <= limits.commonWord()
                || counts[byRarity[0]] > limits.commonWord());
        List<Ranked> matched = matches(q, search, byRarity, intersect, where, params);
        return new Page<>(inOrder(pageOf(matched, sort, offset, size)), matched.size(), page, size);
    }

    /** The ids of a page of ranked matches, in the order asked for. */
    private List<Long> pageOf(List<Ranked> matched, PersonSort sort, long offset, int size) {
        if (sort.key() == PersonSort.Key.RELEVANCE) {
            return byRelevance(matched, sort.collation()).stream().skip(offset).limit(size).toList();
        }
        Map<String, Object> matches = new HashMap<>();
        matches.put("matched", matched.stream().mapToLong(r -> r.candidate().id()).toArray());
        return orderedIds("where p.id = any(:matched)", matches, sort, offset, size);
    }

    /** A surname and given name as written, with the points a query gives them and their collation keys. */
    private record Spelling(String surname, String givenName, int points, CollationKey surnameKey,
            CollationKey givenNameKey) {
    }

    /**
     * A page by relevance of a search of one common word (a surname or given name of thousands of persons) or two (a
     * common surname and given name, in any spelling), read without reading the persons it passes over; null if the
     * registry has no such name. The registry's spellings of the names the words are ({@code name_spelling}: for two
     * words, found by their pairs; for one, by its keys as a surname's or a given name's) are ranked by {@link
     * NameRelevance} and the reader's collation, as their persons would be; each spelling's persons, in id order, come
     * from the name order's index (V14_2), which also holds what visibility reads, until the page is filled. The
     * total is counted there too, up to {@code cap}: with more, it is {@code cap} and {@link Page#totalCapped}.
     * Persons the words match otherwise (a beginning of a name, a patronymic, a person with no given name) are not
     * looked for: the persons so named are what such a query asks for; if they do not fill the page, null too.
     */
    private Page<Person> bySpelling(String q, NameSearch search, String where, Map<String, Object> params,
            PersonSort sort, long offset, int page, int size, int cap) {
        String spellingSql;
        if (search.words().size() == 1) {
            params.put("spellingKeys", search.words().get(0).keys().toArray(String[]::new));
            // a surname key begins a pair, a given name's key ends it (its own index, V18_1_1)
            spellingSql = "select surname, given_name from name_spelling, unnest(:spellingKeys::text[]) k where pair "
                    + ">= k || ' ' and pair < k || '!' union select surname, given_name from name_spelling where "
                    + "split_part(pair, ' ', 2) = any(:spellingKeys)";
        } else {
            params.put("namePairs", search.pairs());
            spellingSql = "select distinct surname, given_name from name_spelling where pair = any(:namePairs)";
        }
        NameRelevance relevance = new NameRelevance(q);
        Collator collator = sort.collation().collator();
        List<Spelling> spellings = new ArrayList<>();
        jdbc.sql(spellingSql).params(params).query((RowCallbackHandler) rs -> {
            NameRelevance.Score score = relevance.score(new NameRelevance.Candidate(0, rs.getString(1),
                    rs.getString(2), null, null, null));
            if (score.every() && !score.weak()) {
                spellings.add(new Spelling(rs.getString(1), rs.getString(2), score.points(),
                        collator.getCollationKey(rs.getString(1)), collator.getCollationKey(rs.getString(2))));
            }
        });
        if (spellings.isEmpty()) {
            return null;
        }
        spellings.sort(Comparator.comparingInt((Spelling sp) -> -sp.points()).thenComparing(Spelling::surnameKey)
                .thenComparing(Spelling::givenNameKey));
        String surname = sort.collation().collate("p.surname");
        String givenName = sort.collation().collate("p.given_name");
        String ofSpelling = "from person p " + where + " and " + surname + " = s.surname and " + givenName
                + " = s.given_name";
        params.put("spellingSurnames", spellings.stream().map(Spelling::surname).toArray(String[]::new));
        params.put("spellingGivenNames", spellings.stream().map(Spelling::givenName).toArray(String[]::new));
        long total = jdbc.sql("select count(*) from (select 1 from unnest(:spellingSurnames::text[], "
                        + ":spellingGivenNames::text[]) s(surname, given_name) cross join lateral (select 1 "
                        + ofSpelling + " limit " + (cap + 1L) + ") x limit " + (cap + 1L) + ") c").params(params)
                .query(Long.class).single();
        // the persons of the spellings, in order, a few spellings a query, up to the end of the page
        long need = offset + size;
        List<Long> ids = new ArrayList<>();
        for (int from = 0; from < spellings.size() && ids.size() < need; from += SPELLINGS_A_QUERY) {
            List<Spelling> chunk = spellings.subList(from, Math.min(spellings.size(), from + SPELLINGS_A_QUERY));
            ids.addAll(jdbc.sql("select x.id from unnest(:chunkSurnames::text[], :chunkGivenNames::text[]) with "
                            + "ordinality s(surname, given_name, n) cross join lateral (select p.id " + ofSpelling
                            + " order by " + surname + ", " + givenName + ", p.id limit :need) x order by s.n, x.id "
                            + "limit :need").params(params)
                    .param("chunkSurnames", chunk.stream().map(Spelling::surname).toArray(String[]::new))
                    .param("chunkGivenNames", chunk.stream().map(Spelling::givenName).toArray(String[]::new))
                    .param("need", need - ids.size()).query(Long.class).list());
        }
        if (ids.size() < need && total > ids.size()) {
            return null;
        }
        List<Long> shown = ids.stream().skip(offset).limit(size).toList();
        return total > cap ? new Page<>(inOrder(shown), cap, page, size, true)
                : new Page<>(inOrder(shown), total, page, size);
    }

    /** The persons a search of common words finds by their name pairs; {@code capped} if there were more. */
    private record Namesakes(List<Ranked> matched, boolean capped) {
    }

    /**
     * The matches of a search whose every word is common (a common surname and given name, with or without
     * patronymic): the persons whose surname and given name two of the query's words are, as written or in another
     * spelling (their name pairs, {@link SearchWords#pairs}: one lookup of an index, however many rows each word
     * has), that every other word matches too and {@code where} selects, each with its score ({@link NameRelevance}).
     * With {@code patronymic}, only those whose surname and patronymic two of the words are too (the pairs of
     * both kinds intersected, index-only). Persons the words match otherwise (a beginning of a name, two words in
     * one part) are not looked for: the persons so named are what such a query asks for. At most {@code limit}
     * persons are read, the first by id; if there were more, {@code capped}. Null if no person is so named: the
     * search then runs as for rarer words.
     */
    private Namesakes namesakes(String q, NameSearch search, boolean patronymic, String where,
            Map<String, Object> params, int limit) {
        params.put("namePairs", search.pairs());
        params.put("patronymicPairs", search.patronymicPairs());
        String named = "select person_id from person_name_pair where pair = any(:namePairs)" + (patronymic
                ? " intersect select person_id from person_name_pair where pair = any(:patronymicPairs)" : "");
        NameRelevance relevance = new NameRelevance(q);
        long[] found = new long[2];
        List<Ranked> ranked = new ArrayList<>();
        // one more than read, to know whether there are more; the count and the last id of those come with each row
        jdbc.sql("with c as materialized (select distinct person_id as id from (" + named + ") n order by 1 "
                        + "limit " + (limit + 1L) + ") select p.id, "
                        + "p.surname, p.given_name, p.patronymic, p.service_number, p.prisoner_number, (select "
                        + "count(*) from c), (select max(id) from c) from c join person p on p.id = c.id " + where)
                .params(params)
                .query((RowCallbackHandler) rs -> {
                    found[0] = rs.getLong(7);
                    found[1] = rs.getLong(8);
                    NameRelevance.Candidate candidate = new NameRelevance.Candidate(rs.getLong(1), rs.getString(2),
                            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6));
                    NameRelevance.Score score = relevance.score(candidate);
                    if (score.every()) {
                        ranked.add(new Ranked(candidate, score));
                    }
                });
        if (ranked.isEmpty()) {
            return null;
        }
        boolean capped = found[0] > limit;
        return new Namesakes(capped ? ranked.stream().filter(r -> r.candidate().id() != found[1]).toList() : ranked,
                capped);
    }

    /** The query words from the rarest to the commonest, by their counts. */
    private static int[] byRarity(long[] counts) {
        return IntStream.range(0, counts.length).boxed()
                .sorted(Comparator.comparingLong(i -> counts[i])).mapToInt(Integer::intValue).toArray();
    }

    /**
     * The persons whose rows match the rarest query word (intersected index-only with the second rarest's when
     * {@code intersect}), that the other words match too (one index probe each, before any person is read) and that
     * {@code where} selects, each with its score; those only a piece of a patronymic matches left out unless nothing
     * else matches.
     */
    private List<Ranked> matches(String q, NameSearch search, int[] byRarity, boolean intersect, String where,
            Map<String, Object> params) {
        List<String> probes = new ArrayList<>();
        for (int k = intersect ? 2 : 1; k < byRarity.length; k++) {
            probes.add(search.probe(byRarity[k], "d.id", params));
        }
        String rarest = "select person_id as id from (" + search.rows(byRarity[0], "person_id", params) + ") a";
        String candidates = "select d.id from (" + (!intersect ? rarest + " group by person_id"
                : rarest + " intersect select person_id from (" + search.rows(byRarity[1], "person_id", params)
                + ") b") + ") d" + (probes.isEmpty() ? "" : " where " + String.join(" and ", probes));
        NameRelevance relevance = new NameRelevance(q);
        List<Ranked> ranked = jdbc.sql("with c as materialized (" + candidates + ") select p.id, p.surname, "
                        + "p.given_name, p.patronymic, p.service_number, p.prisoner_number from c join person p "
                        + "on p.id = c.id " + where).params(params)
                .query((rs, i) -> {
                    NameRelevance.Candidate candidate = new NameRelevance.Candidate(rs.getLong(1), rs.getString(2),
                            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6));
                    return new Ranked(candidate, relevance.score(candidate));
                }).list();
        return ranked.stream().anyMatch(r -> !r.score().weak())
                ? ranked.stream().filter(r -> !r.score().weak()).toList() : ranked;
    }

    /**
     * A page of a search with many candidates, scored by the database ({@link NameSearch#scores}): by relevance,
     * then name, then id (or in the order asked for), those only a piece of a patronymic matches left out unless
     * nothing else matches. The total counts them all. Only the names are read of each candidate, and for the
     * order by relevance those come from the name order's index, which also holds what visibility reads.
     */
    private Page<Person> scoredPage(NameSearch search, String where, Map<String, Object> params, PersonSort sort,
            long offset, int page, int size) {
        Map<Long, Long> found = new LinkedHashMap<>();
        jdbc.sql(scoredSql(search, where, params, sort) + " limit :size offset :offset").params(params)
                .param("size", size).param("offset", offset)
                .query((RowCallbackHandler) rs -> found.put(rs.getLong(1), rs.getLong(2)));
        long total;
        if (!found.isEmpty()) {
            total = found.values().iterator().next();
        } else {
            // a page beyond the last: the total alone
            List<Long> first = jdbc.sql(scoredSql(search, where, params, sort) + " limit 1").params(params)
                    .query((rs, i) -> rs.getLong(2)).list();
            total = first.isEmpty() ? 0 : first.get(0);
        }
        return new Page<>(inOrder(List.copyOf(found.keySet())), total, page, size);
    }

    /** The scored candidates in order, as rows of id and the count of them all. */
    private static String scoredSql(NameSearch search, String where, Map<String, Object> params, PersonSort sort) {
        boolean relevance = sort.key() == PersonSort.Key.RELEVANCE;
        String columns = relevance ? "p.surname, p.given_name" : "p.surname, p.given_name, p.capture_date, "
                + "p.custody_ended_on";
        return "with s as materialized (" + search.scores(params) + ") select x.id, case when x.strong > 0 then "
                + "x.strong else x.total end from (select p.id, s.score, s.weak, " + columns + ", "
                + "count(*) over () as total, count(*) filter (where not s.weak) over () as strong "
                + "from s join person p on p.id = s.id " + where + ") x where not x.weak or x.strong = 0 order by "
                + (relevance ? "x.score desc, " : "") + streamOrder(sort, "x");
    }

    /**
     * Every person the caller may see that the filter selects, in the order asked for, as {@link #find} pages them:
     * for an export of a whole list. Without a name search the rows come through a cursor (the caller's transaction
     * holds it), {@code fetchSize} at a time; a name search ranks its matches as {@link #find} does, keeps only
     * their ids, and reads the persons {@code fetchSize} at a time.
     */
    void forEach(Caller caller, PersonFilter filter, Map<PersonListColumn, String> contributed, PersonSort sort,
            int fetchSize, Consumer<Person> each) {
        Map<String, Object> params = new HashMap<>();
        String where = listWhere(caller, filter, contributed, params);
        if (!searching(filter)) {
            jdbc.sql(SELECT + where + " order by " + streamOrder(sort, "p")).params(params).withFetchSize(fetchSize)
                    .query((RowCallbackHandler) rs -> each.accept(map(rs, 0)));
            return;
        }
        NameSearch search = NameSearch.of(filter.q(), jdbc);
        int n = search.words().size();
        long[] counts = search.counts(jdbc, COMMON_WORD, params);
        Namesakes namesakes = null;
        if (n > 1 && Arrays.stream(counts).min().orElseThrow() > COMMON_WORD) {
            // as the list finds them (the spellings of two words are their persons as the pairs give them)
            namesakes = n > 2 ? namesakes(filter.q(), search, true, where, params, Integer.MAX_VALUE - 1)
                    : null;
            if (namesakes == null) {
                namesakes = namesakes(filter.q(), search, false, where, params, Integer.MAX_VALUE - 1);
            }
        }
        int cap = n == 1 ? RANKED_IN_JAVA : 10 * RANKED_IN_JAVA;
        if (namesakes == null) {
            counts = search.counts(jdbc, cap, params);
        }
        int[] byRarity = byRarity(counts);
        List<Long> ids;
        if (namesakes != null) {
            ids = pageOf(namesakes.matched(), sort, 0, namesakes.matched().size());
        } else if (counts[byRarity[0]] > cap) {
            ids = jdbc.sql(scoredSql(search, where, params, sort)).params(params).query(Long.class).list();
        } else {
            List<Ranked> matched = matches(filter.q(), search, byRarity, n > 1, where, params);
            ids = pageOf(matched, sort, 0, matched.size());
        }
        for (int from = 0; from < ids.size(); from += fetchSize) {
            inOrder(ids.subList(from, Math.min(ids.size(), from + fetchSize))).forEach(each);
        }
    }

    /**
     * The order of {@link #orderedIds} as one ORDER BY, for a cursor over every row: the same keys, persons without
     * a capture date last, the same ties by id.
     */
    private static String streamOrder(PersonSort sort, String alias) {
        String direction = sort.descending() ? " desc" : "";
        String p = alias + ".";
        return switch (sort.key()) {
            case NAME, RELEVANCE -> sort.collation().collate(p + "surname") + direction + ", "
                    + sort.collation().collate(p + "given_name") + direction + ", " + p + "id" + direction;
            case CAPTURE_DATE -> p + "capture_date" + direction + " nulls last, " + p + "id" + direction;
            case TIME_IN_CAPTIVITY -> "coalesce(" + p + "custody_ended_on, current_date) - " + p + "capture_date"
                    + direction + " nulls last, " + p + "id" + (sort.descending() ? "" : " desc");
        };
    }

    private record Ranked(NameRelevance.Candidate candidate, NameRelevance.Score score) {
    }

    /** A candidate's place in the relevance order: its points, then its names' collation keys, then its id. */
    private record RelevanceOrder(int points, CollationKey surname, CollationKey givenName, long id)
            implements Comparable<RelevanceOrder> {

        private static final Comparator<RelevanceOrder> ORDER = Comparator.comparingInt((RelevanceOrder o) -> -o.points)
                .thenComparing(RelevanceOrder::surname, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(RelevanceOrder::givenName, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparingLong(RelevanceOrder::id);

        @Override
        public int compareTo(RelevanceOrder other) {
            return ORDER.compare(this, other);
        }
    }

    /**
     * The ids, the best match first; then by name in the reader's alphabetical order, then by id. Each name's
     * collation key is made once: a common name has thousands of candidates, but few different names.
     */
    private static List<Long> byRelevance(List<Ranked> matched, NameCollation collation) {
        Collator collator = collation.collator();
        Map<String, CollationKey> keys = new HashMap<>();
        Function<String, CollationKey> key = name -> name == null ? null
                : keys.computeIfAbsent(name, collator::getCollationKey);
        return matched.stream().map(r -> new RelevanceOrder(r.score().points(), key.apply(r.candidate().surname()),
                        key.apply(r.candidate().givenName()), r.candidate().id()))
                .sorted().map(RelevanceOrder::id).toList();
    }

    /**
     * The ids of one page of the persons {@code where} selects, in the order asked for. A name order is one index
     * scan. An order by a date that may be missing, or by the time in captivity (which runs to today for those in
     * custody, so no index can hold it), is the merge of branches each read in the order of an index, at most
     * offset + size rows from each: those in custody by capture date, those released by the length of their finished
     * captivity, and those without a capture date last. Each order is the exact reverse of its descending form.
     */
    private List<Long> orderedIds(String where, Map<String, Object> params, PersonSort sort, long offset, int size) {
        boolean desc = sort.descending();
        String direction = desc ? " desc" : "";
        String sql = switch (sort.key()) {
            case NAME, RELEVANCE -> "select p.id from person p " + where + " order by "
                    + sort.collation().collate("p.surname") + direction + ", "
                    + sort.collation().collate("p.given_name") + direction + ", p.id" + direction
                    + " limit :size offset :offset";
            case CAPTURE_DATE -> merged(where, desc, direction,
                    new Branch("p.capture_date", "p.capture_date is not null", "p.capture_date" + direction
                            + ", p.id" + direction));
            case TIME_IN_CAPTIVITY -> {
                // longest first (descending) is the earliest capture first among those in custody
                String reverse = desc ? "" : " desc";
                String ties = desc ? "" : " desc";
                yield merged(where, desc, ties,
                        new Branch("current_date - p.capture_date", "p.custody_ended_on is null and p.capture_date is "
                                + "not null", "p.capture_date" + reverse + ", p.id" + ties),
                        new Branch("p.custody_ended_on - p.capture_date", "p.custody_ended_on is not null and "
                                + "p.capture_date is not null", "(p.custody_ended_on - p.capture_date)" + direction
                                + ", p.id" + ties));
            }
        };
        return jdbc.sql(sql).params(params).param("size", size).param("offset", offset).param("branch", offset + size)
                .query(Long.class).list();
    }

    /** An ordered branch of {@link #merged}: the sort key, which persons, and the order of its index. */
    private record Branch(String key, String condition, String order) {
    }

    /**
     * The branches and the persons without a capture date, merged by the sort key ({@code desc} or not), ties and
     * the persons without a key by id in {@code idDirection}.
     */
    private static String merged(String where, boolean desc, String idDirection, Branch... branches) {
        List<String> parts = new ArrayList<>();
        for (Branch b : branches) {
            parts.add("(select p.id, " + b.key() + " as sort_key from person p " + where + " and " + b.condition()
                    + " order by " + b.order() + " limit :branch)");
        }
        parts.add("(select p.id, null as sort_key from person p " + where + " and p.capture_date is null order by p.id"
                + idDirection + " limit :branch)");
        return "select m.id from (" + String.join(" union all ", parts) + ") m order by m.sort_key"
                + (desc ? " desc" : "") + " nulls last, m.id" + idDirection + " limit :size offset :offset";
    }

    /** These persons, in this order. */
    private List<Person> inOrder(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Person> byId = find(ids).stream().collect(Collectors.toMap(Person::id, p -> p));
        return ids.stream().map(byId::get).toList();
    }

    List<Person> findVisible(Caller caller, Collection<Long> ids) {
        Map<String, Object> params = new HashMap<>();
        params.put("ids", ids.stream().mapToLong(Long::longValue).toArray());
        return jdbc.sql(SELECT + "where p.id = any(:ids) and " + visibleTo(caller, params)).params(params)
                .query(this::map).list();
    }

    /**
     * Persons the caller may see who might be the person a registrar is about to register (see {@link Namesakes}):
     * sharing a name key with the surname and, when given, one with the given name or the year of birth.
     */
    List<Person> namesakeCandidates(Caller caller, Set<String> surnameKeys, Set<String> givenKeys, Integer birthYear,
            int limit) {
        Map<String, Object> params = new HashMap<>();
        params.put("surnameKeys", List.copyOf(surnameKeys));
        List<String> alternatives = new ArrayList<>();
        if (!givenKeys.isEmpty()) {
            alternatives.add("p.id in (select person_id from person_name_key where key in (:givenKeys))");
            params.put("givenKeys", List.copyOf(givenKeys));
        }
        if (birthYear != null) {
            alternatives.add("p.date_of_birth like :birthYear");
            params.put("birthYear", String.format("%04d", birthYear) + "%");
        }
        String where = "where p.id in (select person_id from person_name_key where key in (:surnameKeys))"
                + (alternatives.isEmpty() ? "" : " and (" + String.join(" or ", alternatives) + ")")
                + " and " + visibleTo(caller, params);
        return jdbc.sql(SELECT + where + " order by p.id limit :limit").params(params).param("limit", limit)
                .query(this::map).list();
    }

    /** Keeps a former power of origin reading the record once its origin changed (see {@link RecordAccess}). */
    void addFormerOrigin(long personId, long organisationId) {
        jdbc.sql("insert into person_former_origin (person_id, organisation_id) values (:person, :organisation) "
                        + "on conflict do nothing")
                .param("person", personId).param("organisation", organisationId).update();
    }

    /** These persons as the name matcher sees them, by id. */
    List<MatchablePerson> matchable(long[] ids) {
        return jdbc.sql("select id, status, surname, given_name, patronymic, date_of_birth, service_number, unit, rank "
                        + "from person where id = any(:ids) order by id")
                .param("ids", Arrays.stream(ids).boxed().toArray(Long[]::new)).query((rs, n) -> {
                    String born = rs.getString("date_of_birth");
                    long id = rs.getLong("id");
                    return new MatchablePerson(id, Status.valueOf(rs.getString("status")),
                            new PersonRecord(Long.toString(id), rs.getString("surname"), rs.getString("given_name"),
                                    rs.getString("patronymic"), null, born == null ? null : BirthDate.parse(born),
                                    rs.getString("service_number"), rs.getString("unit"), rs.getString("rank")));
                }).list();
    }

    long count() {
        return jdbc.sql("select count(*) from person").query(Long.class).single();
    }

    /** The where clause of a list: its filters, other features' columns and what the caller may see. */
    private static String listWhere(Caller caller, PersonFilter filter, Map<PersonListColumn, String> contributed,
            Map<String, Object> params) {
        StringBuilder where = new StringBuilder(where(filter, params));
        contributed.forEach((column, choice) -> where.append(" and ").append(column.condition(caller, choice, params)));
        return where.append(" and ").append(visibleTo(caller, params)).toString();
    }

    /** The SQL condition of the filter's choices; its name search is not one ({@link #find} runs it). */
    static String where(PersonFilter filter, Map<String, Object> params) {
        List<String> conditions = new ArrayList<>();
        partyCondition(conditions, params, "p.holding_party_id", "holding", filter.holdingParty());
        partyCondition(conditions, params, "p.power_of_origin_id", "origin", filter.powerOfOrigin());
        equalsCondition(conditions, params, "p.status", filter.status());
        equalsCondition(conditions, params, "p.category", filter.category());
        equalsCondition(conditions, params, "p.branch", filter.branch());
        equalsCondition(conditions, params, "p.rank_group", filter.rankGroup());
        if (filter.capturedFrom() != null) {
            conditions.add("p.capture_date >= :capturedFrom");
            params.put("capturedFrom", filter.capturedFrom());
        }
        if (filter.capturedTo() != null) {
            conditions.add("p.capture_date <= :capturedTo");
            params.put("capturedTo", filter.capturedTo());
        }
        return "where " + (conditions.isEmpty() ? "true" : String.join(" and ", conditions));
    }

    /** The words of a name search, normalised: each must match. */
    static List<String> queryWords(String q) {
        return Arrays.stream(NameRelevance.WORD_BREAKS.split(NameNormalizer.normalize(q)))
                .filter(w -> !w.isEmpty()).toList();
    }

    /**
     * The words of a name search as typed, one for each of {@link #queryWords}, for their keys: normalising first
     * would fold the letters some standards mark (ISO 9's â for я: Ilʹâ is Илья), which the keys read. The normalised
     * words where the two do not pair up.
     */
    static List<String> queryWordsAsWritten(String q) {
        List<String> words = queryWords(q);
        List<String> written = Arrays.stream(NameRelevance.WORD_BREAKS.split(q.strip()))
                .filter(w -> !NameNormalizer.normalize(w).isEmpty()).toList();
        if (written.size() != words.size()) {
            return words;
        }
        for (int i = 0; i < words.size(); i++) {
            if (!NameNormalizer.normalize(written.get(i)).equals(words.get(i))) {
                return words;
            }
        }
        return written;
    }

    /** The SQL form of {@link RecordAccess#canSee}: applied in the query, so counts never include hidden rows. */
    static String visibleTo(Caller caller, Map<String, Object> params) {
        if (caller.organisation() == null) {
            return "false";
        }
        if (caller.intermediary()) {
            return "p.notified_on is not null";
        }
        params.put("viewer", caller.organisation());
        return "(p.holding_party_id = (select id from organisation where code = :viewer) or "
                + "(p.power_of_origin_id = (select id from organisation where code = :viewer) "
                + "and p.notified_on is not null) or "
                + "p.id in (select person_id from person_former_origin where organisation_id = "
                + "(select id from organisation where code = :viewer)))";
    }

    private static void partyCondition(List<String> conditions, Map<String, Object> params, String column,
            String name, String code) {
        if (code != null) {
            conditions.add(column + " = (select id from organisation where code = :" + name + ")");
            params.put(name, code);
        }
    }

    private static void equalsCondition(List<String> conditions, Map<String, Object> params, String column,
            Enum<?> value) {
        if (value != null) {
            String name = column.substring(2);
            conditions.add(column + " = :" + name);
            params.put(name, value.name());
        }
    }

    static String escapeLike(String token) {
        return token.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private Map<String, Object> parameters(PersonInput facts, Map<String, Long> partyIds) {
        Map<String, Object> params = new HashMap<>();
        for (PersonField field : FACT_COLUMNS) {
            params.put(field.column(), toColumn(field, facts.get(field), partyIds));
        }
        params.put("fact_sources", writeSources(facts.sources()));
        params.put("name_script", nameScript(facts).iso15924());
        return params;
    }

    private static Object toColumn(PersonField field, Object value, Map<String, Long> partyIds) {
        return switch (field.kind().name()) {
            case "party" -> value == null ? null : partyIds.get((String) value);
            case "boolean" -> Boolean.TRUE.equals(value);
            case "date" -> value;
            default -> value == null ? null : value.toString();
        };
    }

    /** The script of the name as written: surname, given name and patronymic together. */
    static Script nameScript(PersonInput facts) {
        return Script.of(Stream.of(PersonField.SURNAME, PersonField.GIVEN_NAME, PersonField.PATRONYMIC)
                .map(facts::get).filter(v -> v != null).map(Object::toString).collect(Collectors.joining(" ")));
    }

    /** The sources as stored: the canonical JSON text a person's audited state embeds (see {@link PersonStates}). */
    static String writeSources(Map<PersonField, FactRecord> sources) {
        return CanonicalJson.write(PersonJson.writeSources(sources));
    }

    private Person map(ResultSet rs, int row) throws SQLException {
        Map<PersonField, Object> values = new EnumMap<>(PersonField.class);
        for (PersonField field : FACT_COLUMNS) {
            Object value = fromColumn(field, rs);
            if (value != null) {
                values.put(field, value);
            }
        }
        Map<PersonField, FactRecord> sources = sources(rs.getString("fact_sources"));
        String scriptCode = rs.getString("name_script");
        Script script = Arrays.stream(Script.values())
                .filter(s -> s.iso15924().equals(scriptCode)).findFirst().orElse(Script.NONE);
        long id = rs.getLong("id");
        return new Person(id, publicIds.of(PublicIds.Kind.PERSON, id), rs.getInt("version"),
                new PersonInput(values, sources), Status.valueOf(rs.getString("status")),
                rs.getObject("notified_on", LocalDate.class), script,
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(), Set.of(),
                Set.of((String[]) rs.getArray("former_origins").getArray()),
                rs.getObject("custody_ended_on", LocalDate.class));
    }

    /**
     * A row's fact sources. The persons of a registry share a few combinations of them (an import or a form gives the
     * same sources to many), and every person read parses them, 50 a list page: each stored text is parsed once, up
     * to {@link #SOURCES_REMEMBERED} of them (the maps are not changed: a person copies them).
     */
    private Map<PersonField, FactRecord> sources(String stored) {
        Map<PersonField, FactRecord> known = sourcesRead.get(stored);
        if (known == null) {
            Map<PersonField, FactRecord> sources = new EnumMap<>(PersonField.class);
            Map<String, FactRecord> read = factSources.readValue(stored);
            read.forEach((name, fact) -> PersonField.byJsonName(name).ifPresent(f -> sources.put(f, fact)));
            known = Collections.unmodifiableMap(sources);
            if (sourcesRead.size() < SOURCES_REMEMBERED) {
                sourcesRead.putIfAbsent(stored, known);
            }
        }
        return known;
    }

    private static final int SOURCES_REMEMBERED = 10_000;

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object fromColumn(PersonField field, ResultSet rs) throws SQLException {
        if (field == PersonField.HOLDING_PARTY) {
            return rs.getString("holding_code");
        }
        if (field == PersonField.POWER_OF_ORIGIN) {
            return rs.getString("origin_code");
        }
        return switch (field.kind().name()) {
            case "boolean" -> rs.getBoolean(field.column());
            case "date" -> rs.getObject(field.column(), LocalDate.class);
            case "partialDate" -> Optional.ofNullable(rs.getString(field.column())).map(PartialDate::parse).orElse(null);
            case "enum" -> Optional.ofNullable(rs.getString(field.column()))
                    .map(v -> (Object) Enum.valueOf((Class) field.kind().enumType(), v)).orElse(null);
            default -> rs.getString(field.column());
        };
    }
}
