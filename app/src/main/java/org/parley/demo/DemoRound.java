package org.parley.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.parley.api.Caller;
import org.parley.api.PublicIds;
import org.parley.exchange.EntryInput;
import org.parley.exchange.ExchangeService;
import org.parley.exchange.ListKind;
import org.parley.exchange.ListService;
import org.parley.exchange.ListVersion;
import org.parley.exchange.Match;
import org.parley.exchange.MatchOutcome;
import org.parley.exchange.ReconciliationService;
import org.parley.exchange.Removal;
import org.parley.exchange.RemovalReason;
import org.parley.names.Language;
import org.parley.names.Standard;
import org.parley.names.Transliteration;
import org.parley.registry.EventType;
import org.parley.registry.Lifecycle;
import org.parley.registry.NewPerson;
import org.parley.registry.PartialDate;
import org.parley.registry.PersonField;
import org.parley.registry.Status;

/**
 * The demo world's exchange round, built through the exchange services as the two parties' negotiators would
 * have built it over the last nine weeks (README, "Command line"): Party A opened it; each party's request list in
 * two versions (the second drops entries with their reasons, adds and corrects a few), each party's offer list in
 * one; each request reconciled when submitted, and partly decided by the holder's negotiator (confirmations, one
 * candidate picked for an ambiguous entry, one rejection). Party B submitted last, 20 days ago: the round waits on
 * Party A and is stalled. Weeks before it, the same parties executed a round ({@link DemoExecutedRound}), whose
 * persons this round's lists find exchanged, or still held.
 *
 * <p>Requested entries are the requesting party's own records of its nationals, written in Latin letters as lists
 * for the intermediary are: the name in the nationals' own language (Олександр Сергійович, not the Александр
 * Сергеевич the holder may have written), under one of the transliteration standards in use, sometimes in capitals
 * or as one full name, with typing slips, often without patronymic, with partial or slightly wrong dates of birth.
 * A few name a registry person by id; a few are persons the holder does not hold (NOT_FOUND); a few give only a
 * common name and a year of birth (AMBIGUOUS). Persons who died or were released are found NOT_ELIGIBLE.
 */
final class DemoRound {

    /** A demo world smaller than this (tests of other things start with a handful of persons) has no round. */
    static final int MIN_PERSONS = 200;

    static final String TITLE = "Exchange of detainees: first round";
    /** Requested entries of a version 1 at most; a world of N persons asks for about N / 8 per party below that. */
    static final int MAX_REQUESTED = 150;
    static final int MAX_OFFERED = 60;
    /** How long Party B has been waiting for Party A's answer. */
    static final Duration WAITED = Duration.ofDays(20);

    private static final String VOWELS = "aeiouy";

    /** A party of the round: its code, its negotiator, how its files number their records, its nationals. */
    private record Party(String code, Caller negotiator, String refPrefix, Language language) {
    }

    /** What one party asked for: entries by ref, the persons behind them (world index, or -1), what to drop. */
    private static final class Request {
        final Map<String, EntryInput> entries = new LinkedHashMap<>();
        final Map<String, Integer> persons = new LinkedHashMap<>();
        final List<String> notHeld = new ArrayList<>();
        int next = 1;
    }

    private final Random random;
    private final ExchangeService exchanges;
    private final ListService lists;
    private final ReconciliationService reconciliations;
    private final PublicIds publicIds;
    private final DemoExecutedRound earlier;

    private List<NewPerson> world;
    private List<DemoPersonGenerator.OwnName> names;
    private List<Long> ids;
    private final Map<Integer, Status> statuses = new HashMap<>();
    private final Set<Integer> used = new HashSet<>();

    /** @param earlier builds the round executed before this one, or null for none */
    DemoRound(long seed, ExchangeService exchanges, ListService lists, ReconciliationService reconciliations,
            PublicIds publicIds, DemoExecutedRound earlier) {
        this.random = new Random(seed);
        this.exchanges = exchanges;
        this.lists = lists;
        this.reconciliations = reconciliations;
        this.publicIds = publicIds;
        this.earlier = earlier;
    }

    /**
     * Builds the round in the current transaction.
     *
     * @param world the persons as generated, {@code names} their own-language names, {@code ids} their ids as loaded
     * @return the round's public id
     */
    String build(List<NewPerson> world, List<DemoPersonGenerator.OwnName> names, List<Long> ids, Caller negotiatorA,
            Caller negotiatorB, Instant now) {
        this.world = world;
        this.names = names;
        this.ids = ids;
        Party a = new Party("party-a", negotiatorA, "PA-", Language.UKRAINIAN);
        Party b = new Party("party-b", negotiatorB, "PB/", Language.RUSSIAN);
        List<Integer> heldByB = new ArrayList<>();
        List<Integer> heldByA = new ArrayList<>();
        for (int i = 0; i < world.size(); i++) {
            (holder(i).equals("party-b") ? heldByB : heldByA).add(i);
        }
        Collections.shuffle(heldByB, random);
        Collections.shuffle(heldByA, random);
        if (earlier != null) {
            // weeks before this round: its persons left custody (or stayed), which this round's lists then see
            statuses.putAll(earlier.build(world, ids, heldByA, heldByB, now));
        }

        String round = exchanges.open(a.negotiator(), b.code(), "intermediary", TITLE, days(now, 63)).publicId();
        Request requestA = request(a, heldByB);
        submit(a, round, ListKind.REQUEST, 0, requestA.entries, List.of(), days(now, 56));
        submit(a, round, ListKind.OFFER, 0, offer(heldByA, requestOf(b, heldByA)), List.of(), days(now, 55));
        Request requestB = requestOf(b, heldByA);
        submit(b, round, ListKind.REQUEST, 0, requestB.entries, List.of(), days(now, 49));
        submit(b, round, ListKind.OFFER, 0, offer(heldByB, requestA), List.of(), days(now, 48));

        List<Removal> dropsB = drops(requestB, "Raised with the intermediary as a humanitarian case on its own; "
                + "to be negotiated there.");
        decide(a, round, b, 1, refs(dropsB), days(now, 42));
        List<Removal> dropsA = drops(requestA, "The family reports him at home since the spring; the intermediary's "
                + "tracing agency is to confirm.");
        revise(a, requestA, heldByB);
        submit(a, round, ListKind.REQUEST, 1, requestA.entries, dropsA, days(now, 35));
        decide(b, round, a, 2, Set.of(), days(now, 27));
        revise(b, requestB, heldByA);
        submit(b, round, ListKind.REQUEST, 1, requestB.entries, dropsB, now.minus(WAITED));
        return round;
    }

    private Request pendingB;

    /** Party B's request, made once (Party A's offer is drawn partly from it, before B submits it). */
    private Request requestOf(Party b, List<Integer> heldByA) {
        if (pendingB == null) {
            pendingB = request(b, heldByA);
        }
        return pendingB;
    }

    private static Instant days(Instant now, int days) {
        return now.minus(Duration.ofDays(days));
    }

    private ListVersion submit(Party party, String round, ListKind kind, int basedOn, Map<String, EntryInput> entries,
            List<Removal> removals, Instant at) {
        return lists.submit(party.negotiator(), round, party.code(), kind, basedOn, List.copyOf(entries.values()),
                removals, at);
    }

    // ---- request lists ----

    /** Version 1 of {@code requester}'s request: persons the other party holds (its {@code pool}, shuffled), and more. */
    private Request request(Party requester, List<Integer> pool) {
        Request request = new Request();
        int size = Math.min(MAX_REQUESTED, Math.max(16, pool.size() / 4));
        int byId = 3;
        int notHeld = Math.max(3, size / 12);
        int ambiguous = Math.max(3, size / 15);
        int written = size - byId - notHeld;
        for (int i : pool) {
            if (byId == 0) {
                break;
            }
            if (notified(i) && status(i).inCustody() && used.add(i)) {
                String publicId = publicIds.of(PublicIds.Kind.PERSON, ids.get(i));
                request.entries.put("person:" + publicId, new EntryInput(null, publicId, null, null, null, null,
                        null, null, null, null, null));
                request.persons.put("person:" + publicId, i);
                byId--;
            }
        }
        for (List<Integer> namesakes : namesakes(pool, (ambiguous + 1) / 2)) {
            String ref = ref(requester, request);
            request.entries.put(ref, common(ref, namesakes, requester.language()));
            request.persons.put(ref, namesakes.get(0));
            ambiguous--;
        }
        for (int i : pool) {
            if (written == 0) {
                break;
            }
            // the party asks mostly for persons it believes held; some have died or left custody meanwhile
            if (!used.add(i) || !status(i).inCustody() && random.nextInt(100) < 80) {
                continue;
            }
            String ref = ref(requester, request);
            request.entries.put(ref, ambiguous-- > 0 ? initial(ref, i, requester.language())
                    : written(ref, i, requester.language()));
            request.persons.put(ref, i);
            written--;
        }
        for (int k = 0; k < notHeld; k++) {
            String ref = ref(requester, request);
            request.entries.put(ref, madeUp(ref, pool, requester.language()));
            request.notHeld.add(ref);
        }
        return request;
    }

    private String ref(Party party, Request request) {
        return party.code().equals("party-a") ? String.format("%s%05d", party.refPrefix(), 1200 + 7 * request.next++)
                : String.format("%s2025/%04d", party.refPrefix(), 300 + 3 * request.next++);
    }

    /**
     * Version 2 of a request: {@code drops} already gone; a few more persons the holder holds, and one entry
     * corrected (its file now has the full date of birth and the patronymic).
     */
    private void revise(Party requester, Request request, List<Integer> pool) {
        int added = Math.max(2, request.entries.size() / 12);
        for (int i : pool) {
            if (added == 0) {
                break;
            }
            if (used.add(i)) {
                String ref = ref(requester, request);
                request.entries.put(ref, written(ref, i, requester.language()));
                request.persons.put(ref, i);
                added--;
            }
        }
        for (Map.Entry<String, EntryInput> e : request.entries.entrySet()) {
            Integer person = request.persons.get(e.getKey());
            EntryInput was = e.getValue();
            if (person != null && was.personId() == null && was.surname() != null && was.patronymic() == null) {
                PartialDate born = (PartialDate) world.get(person).facts().get(PersonField.DATE_OF_BIRTH);
                String patronymic = was.givenName() == null ? null
                        : latin(names.get(person).patronymic(), requester.language(),
                                standardOf(was, person, requester.language()));
                e.setValue(new EntryInput(was.ref(), null, was.surname(), was.givenName(), patronymic,
                        was.fullName(), born, was.serviceNumber(), was.unit(), was.rank(), "Corrected from the "
                        + "family's documents."));
                break;
            }
        }
    }

    /** The transliteration standard an entry was written in (so that a correction writes alike). */
    private Standard standardOf(EntryInput entry, int person, Language language) {
        for (Standard standard : Standard.values()) {
            if (standard.covers(language) && Transliteration.toLatin(names.get(person).givenName(), standard,
                    language).orElse("").equals(entry.givenName())) {
                return standard;
            }
        }
        return language == Language.RUSSIAN ? Standard.ICAO_9303 : Standard.KMU_2010;
    }

    /**
     * The entries a version 2 drops, with reasons, taken out of {@code request}: one the party learned had died,
     * one found elsewhere (a person the holder never held), and one for another reason, with its note.
     */
    private List<Removal> drops(Request request, String otherNote) {
        List<Removal> removals = new ArrayList<>();
        String died = null;
        String other = null;
        for (Map.Entry<String, Integer> e : request.persons.entrySet()) {
            if (request.entries.get(e.getKey()).personId() != null) {
                continue;
            }
            if (died == null && status(e.getValue()) == Status.DIED) {
                died = e.getKey();
            }
        }
        List<String> written = request.persons.keySet().stream()
                .filter(ref -> request.entries.get(ref).personId() == null && !ref.equals(request.notHeld.get(0)))
                .toList();
        if (died == null) {
            died = written.get(written.size() - 1);
        }
        for (int k = written.size() - 2; k >= 0 && other == null; k--) {
            if (!written.get(k).equals(died)) {
                other = written.get(k);
            }
        }
        removals.add(new Removal(died, RemovalReason.DIED, null));
        removals.add(new Removal(request.notHeld.get(0), RemovalReason.FOUND_ELSEWHERE, null));
        removals.add(new Removal(other, RemovalReason.OTHER, otherNote));
        removals.forEach(r -> {
            request.entries.remove(r.ref());
            request.persons.remove(r.ref());
        });
        request.notHeld.remove(0);
        return removals;
    }

    private static Set<String> refs(List<Removal> removals) {
        Set<String> refs = new HashSet<>();
        removals.forEach(r -> refs.add(r.ref()));
        return refs;
    }

    // ---- offers ----

    /**
     * An offer of persons {@code pool}'s holder keeps in custody: first the seriously ill or wounded (GC III Art.
     * 109–110), then some of those the other party asks for, then others.
     */
    private Map<String, EntryInput> offer(List<Integer> pool, Request asked) {
        int size = Math.min(MAX_OFFERED, Math.max(8, pool.size() / 8));
        Map<String, EntryInput> entries = new LinkedHashMap<>();
        List<Integer> order = new ArrayList<>();
        pool.stream().filter(i -> Boolean.TRUE.equals(world.get(i).facts().get(PersonField.SERIOUSLY_ILL_OR_WOUNDED)))
                .limit(size / 4).forEach(order::add);
        asked.persons.values().stream().limit(size / 2).forEach(order::add);
        order.addAll(pool);
        for (int i : order) {
            if (entries.size() == size) {
                break;
            }
            if (status(i).inCustody()) {
                String publicId = publicIds.of(PublicIds.Kind.PERSON, ids.get(i));
                entries.putIfAbsent("person:" + publicId, new EntryInput(null, publicId, null, null, null, null,
                        null, null, null, null, null));
            }
        }
        return entries;
    }

    // ---- decisions ----

    /**
     * The holder's negotiator decides on {@code number} of the request of {@code requester}: confirms about two
     * found entries in five, rejects one, and picks the best candidate of one ambiguous entry; leaves
     * {@code skip} alone.
     */
    private void decide(Party holder, String round, Party requester, int number, Set<String> skip, Instant at) {
        ReconciliationService.View view = reconciliations.view(holder.negotiator(), round, requester.code(), number);
        List<ReconciliationService.Item> found = view.items().stream()
                .filter(i -> i.outcome() == MatchOutcome.FOUND && !skip.contains(i.entry().ref())).toList();
        int confirm = Math.max(1, found.size() * 2 / 5);
        for (int k = 0; k < found.size() && k < confirm; k++) {
            reconciliations.decide(holder.negotiator(), round, requester.code(), number, found.get(k).entry().ref(),
                    ReconciliationService.Verdict.CONFIRM, null, at);
        }
        if (found.size() > confirm) {
            // the lowest score of those left: the holder's files say it is another man
            ReconciliationService.Item weakest = found.subList(confirm, found.size()).stream()
                    .filter(i -> i.score() != null && i.score() < 1.0)
                    .min(java.util.Comparator.comparingDouble(ReconciliationService.Item::score)).orElse(null);
            if (weakest != null) {
                reconciliations.decide(holder.negotiator(), round, requester.code(), number, weakest.entry().ref(),
                        ReconciliationService.Verdict.REJECT, null, at);
            }
        }
        view.items().stream().filter(i -> i.outcome() == MatchOutcome.AMBIGUOUS && !i.candidates().isEmpty()
                && !skip.contains(i.entry().ref())).findFirst().ifPresent(i -> {
                    Match.Candidate best = i.candidates().get(0);
                    reconciliations.decide(holder.negotiator(), round, requester.code(), number, i.entry().ref(),
                            ReconciliationService.Verdict.CONFIRM, publicIds.of(PublicIds.Kind.PERSON,
                                    best.personId()), at);
                });
    }

    // ---- how a party writes its records ----

    /** A person as their party's file has them, in Latin letters, with the noise of real lists. */
    private EntryInput written(String ref, int i, Language language) {
        DemoPersonGenerator.OwnName name = names.get(i);
        Map<PersonField, Object> facts = world.get(i).facts().values();
        Standard standard = standard(language);
        String surname = latin(name.surname(), language, standard);
        String given = latin(name.givenName(), language, standard);
        String patronymic = latin(name.patronymic(), language, standard);
        if (random.nextInt(100) < 8) {
            surname = typo(surname);
        }
        if (random.nextInt(100) < 4) {
            given = typo(given);
        }
        int omit = random.nextInt(100);
        if (omit < 35) {
            patronymic = null;
        } else if (omit < 40) {
            patronymic = patronymic.substring(0, 1) + ".";
        }
        if (random.nextInt(100) < 20) {
            surname = surname.toUpperCase(Locale.ROOT);
        }
        String fullName = null;
        if (random.nextInt(100) < 25) {
            fullName = random.nextBoolean() ? join(surname, given, patronymic) : join(given, patronymic, surname);
            surname = null;
            given = null;
            patronymic = null;
        }
        String serviceNumber = random.nextInt(100) < 30 ? (String) facts.get(PersonField.SERVICE_NUMBER) : null;
        String unit = random.nextInt(100) < 20 ? (String) facts.get(PersonField.UNIT) : null;
        String note = random.nextInt(100) < 10 ? "Family tracing request." : null;
        return new EntryInput(ref, null, surname, given, patronymic, fullName,
                dateOfBirth((PartialDate) facts.get(PersonField.DATE_OF_BIRTH)), serviceNumber, unit, null, note);
    }

    /**
     * Up to {@code count} groups of persons in {@code pool} (not yet used) who share surname and given name, in
     * their own language: persons a record of the name alone cannot tell apart.
     */
    private List<List<Integer>> namesakes(List<Integer> pool, int count) {
        Map<String, Integer> first = new HashMap<>();
        List<List<Integer>> groups = new ArrayList<>();
        for (int i : pool) {
            if (groups.size() == count) {
                break;
            }
            if (used.contains(i) || !status(i).inCustody()) {
                continue;
            }
            DemoPersonGenerator.OwnName name = names.get(i);
            Integer namesake = first.putIfAbsent(name.surname() + " " + name.givenName(), i);
            if (namesake != null && !used.contains(namesake)) {
                groups.add(List.of(namesake, i));
                used.add(namesake);
                used.add(i);
            }
        }
        return groups;
    }

    /** A common name alone, as a family tracing request often has it: the holder holds several who fit. */
    private EntryInput common(String ref, List<Integer> namesakes, Language language) {
        DemoPersonGenerator.OwnName name = names.get(namesakes.get(0));
        Standard standard = standard(language);
        return new EntryInput(ref, null, latin(name.surname(), language, standard),
                latin(name.givenName(), language, standard), null, null, null, null, null, null,
                "Only the name is known.");
    }

    /** The surname, the initial of the given name and the year of birth: one person may fit, but not clearly. */
    private EntryInput initial(String ref, int i, Language language) {
        DemoPersonGenerator.OwnName name = names.get(i);
        Standard standard = standard(language);
        PartialDate born = (PartialDate) world.get(i).facts().get(PersonField.DATE_OF_BIRTH);
        return new EntryInput(ref, null, latin(name.surname(), language, standard),
                latin(name.givenName(), language, standard).substring(0, 1) + ".", null, null,
                new PartialDate(born.year(), null, null), null, null, null,
                "Only the initial and the year of birth are known.");
    }

    /**
     * A national the holder does not hold (missing, or held by nobody): a surname, a given name and a patronymic
     * drawn from its nationals, a date of birth of its own.
     */
    private EntryInput madeUp(String ref, List<Integer> pool, Language language) {
        int a = pool.get(random.nextInt(pool.size()));
        Object sex = world.get(a).facts().get(PersonField.SEX);
        int b = a;
        for (int tries = 0; tries < 50 && (b == a || !sex.equals(world.get(b).facts().get(PersonField.SEX))); tries++) {
            b = pool.get(random.nextInt(pool.size()));
        }
        Standard standard = standard(language);
        PartialDate born = new PartialDate(1970 + random.nextInt(35), 1 + random.nextInt(12), 1 + random.nextInt(28));
        String patronymic = random.nextBoolean() ? latin(names.get(b).patronymic(), language, standard) : null;
        return new EntryInput(ref, null, latin(names.get(a).surname(), language, standard),
                latin(names.get(b).givenName(), language, standard), patronymic, null, dateOfBirth(born), null, null,
                null, null);
    }

    /** The party's national standard most of the time, else BGN/PCGN, conventional English or ISO 9. */
    private Standard standard(Language language) {
        int roll = random.nextInt(100);
        return roll < 45 ? (language == Language.UKRAINIAN ? Standard.KMU_2010 : Standard.ICAO_9303)
                : roll < 70 ? Standard.BGN_PCGN : roll < 92 ? Standard.CONVENTIONAL : Standard.ISO_9;
    }

    private static String latin(String cyrillic, Language language, Standard standard) {
        return Transliteration.toLatin(cyrillic, standard, language).orElseThrow();
    }

    private static String join(String... parts) {
        StringBuilder text = new StringBuilder();
        for (String part : parts) {
            if (part != null) {
                text.append(text.isEmpty() ? "" : " ").append(part);
            }
        }
        return text.toString();
    }

    /** One typing slip: a vowel for another, a letter dropped or doubled, two letters swapped. */
    private String typo(String name) {
        if (name.length() < 4) {
            return name;
        }
        int at = 1 + random.nextInt(name.length() - 2);
        StringBuilder text = new StringBuilder(name);
        char c = text.charAt(at);
        switch (random.nextInt(4)) {
            case 0 -> {
                int vowel = VOWELS.indexOf(c);
                if (vowel >= 0) {
                    text.setCharAt(at, VOWELS.charAt((vowel + 1 + random.nextInt(VOWELS.length() - 1))
                            % VOWELS.length()));
                } else {
                    text.insert(at, c);
                }
            }
            case 1 -> text.deleteCharAt(at);
            case 2 -> text.insert(at, c);
            default -> {
                text.setCharAt(at, text.charAt(at + 1));
                text.setCharAt(at + 1, c);
            }
        }
        return text.toString();
    }

    /** As known (most), to the month or year only, day and month swapped, a day off, or not known. */
    private PartialDate dateOfBirth(PartialDate born) {
        if (born == null) {
            return null;
        }
        int roll = random.nextInt(100);
        if (roll < 68 || born.month() == null) {
            return born;
        } else if (roll < 76) {
            return new PartialDate(born.year(), born.month(), null);
        } else if (roll < 84) {
            return new PartialDate(born.year(), null, null);
        } else if (roll < 89 && born.day() != null && born.day() <= 12 && !born.day().equals(born.month())) {
            return new PartialDate(born.year(), born.day(), born.month());
        } else if (roll < 94 && born.day() != null) {
            return new PartialDate(born.year(), born.month(), born.day() < 28 ? born.day() + 1 : born.day() - 1);
        }
        return roll < 94 ? born : null;
    }

    // ---- the world ----

    private String holder(int i) {
        return (String) world.get(i).facts().get(PersonField.HOLDING_PARTY);
    }

    private Status status(int i) {
        return statuses.computeIfAbsent(i, k -> Lifecycle.replayInputs(world.get(k).events()).status());
    }

    private boolean notified(int i) {
        return world.get(i).events().stream().anyMatch(e -> e.type() == EventType.NOTIFIED);
    }
}
