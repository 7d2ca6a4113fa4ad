package org.parley.exchange;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.parley.api.PublicIds;
import org.parley.registry.Organisation;
import org.parley.registry.Person;
import org.parley.registry.PersonField;
import org.parley.web.PageNumbers;
import org.springframework.context.MessageSource;

/**
 * What the exchange pages show, in the reader's language: organisations by name, enum values by their message key
 * ({@code roundState.NEGOTIATING}, {@code listKind.request}, …), times in UTC, and names exactly as written (the
 * templates put them in {@code <bdi>}).
 */
final class ExchangeViews {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final MessageSource messages;
    private final Locale locale;
    private final Map<String, String> organisationNames;
    private final Map<String, String> organisationLanguages;
    private final PublicIds publicIds;

    ExchangeViews(MessageSource messages, Locale locale, List<Organisation> organisations, PublicIds publicIds) {
        this.messages = messages;
        this.locale = locale;
        this.organisationNames = organisations.stream().collect(Collectors.toMap(Organisation::code,
                Organisation::name));
        this.organisationLanguages = new java.util.HashMap<>();
        organisations.stream().filter(o -> o.language() != null)
                .forEach(o -> organisationLanguages.put(o.code(), o.language()));
        this.publicIds = publicIds;
    }

    /** A requested or offered record as the list gives it, or a registry person as the reader may see them. */
    record Record(String ref, String name, String nameLang, String dateOfBirth, String serviceNumber, String unit,
            String rank, String note, String personId, String status, String statusCode, boolean hidden) {
    }

    Locale locale() {
        return locale;
    }

    /** The head of a round's pages. */
    record RoundHead(String id, String title, String firstParty, String secondParty, String intermediary,
            String state, String stateCode, String waitingOn, long days, boolean stalled, String openedBy,
            String openedAt, String abandonedBy, String abandonedAt, String abandonReason, boolean negotiating) {
    }

    RoundHead head(ExchangeService.RoundView view) {
        Round r = view.round();
        return new RoundHead(view.publicId(), r.title(), organisation(r.firstParty()), organisation(r.secondParty()),
                organisation(r.intermediary()), label("roundState", r.state()),
                r.state().name().toLowerCase(Locale.ROOT), organisation(view.move().waitingOn()),
                view.move().days(Instant.now()), view.move().stalled(), r.createdBy(), time(r.createdAt()),
                r.abandonedBy(), time(r.abandonedAt()), r.abandonReason(), r.state() == RoundState.NEGOTIATING);
    }

    /** The head of a list version's pages. */
    record VersionHead(String party, String partyName, String kindCode, String kind, int number, String by,
            String at, int entries, int removals, String url, String listName) {
    }

    VersionHead versionHead(String roundId, ListVersion v) {
        return new VersionHead(v.party(), organisation(v.party()), v.kind().code(), kind(v.kind()), v.number(),
                v.createdBy(), time(v.createdAt()), v.entryCount(), v.removalCount(),
                ExchangePages.versionUrl(roundId, v.party(), v.kind(), v.number()),
                msg("list.name", kind(v.kind()), organisation(v.party())));
    }

    String msg(String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    /** The text of a key, or the fallback if there is none. */
    String msgOr(String key, String fallback) {
        return messages.getMessage(key, null, fallback, locale);
    }

    /** The text of an enum constant: {@code prefix.CONSTANT}. */
    String label(String prefix, Enum<?> value) {
        return value == null ? null : msg(prefix + "." + value.name());
    }

    String kind(ListKind kind) {
        return msg("listKind." + kind.code());
    }

    String organisation(String code) {
        return code == null ? null : organisationNames.getOrDefault(code, code);
    }

    static String time(Instant at) {
        return at == null ? null : TIME.format(at);
    }

    /** A hash as lower-case hexadecimal, as the agreement document writes it. */
    static String hex(byte[] bytes) {
        return bytes == null ? null : java.util.HexFormat.of().formatHex(bytes);
    }

    String personId(Long internalKey) {
        return internalKey == null ? null : publicIds.of(PublicIds.Kind.PERSON, internalKey);
    }

    /** An entry's name as written: the full name if the list gave one, else its parts. */
    static String name(ListEntry e) {
        if (e.fullName() != null) {
            return e.fullName();
        }
        List<String> parts = new ArrayList<>();
        for (String part : new String[] {e.surname(), e.givenName(), e.patronymic()}) {
            if (part != null) {
                parts.add(part);
            }
        }
        return parts.isEmpty() ? null : String.join(" ", parts);
    }

    /**
     * An entry as its list gives it; an entry that names a registry person shows that person as the reader may see
     * them ({@code person} null: not visible to the reader's organisation). A name the list gives is taken to be in
     * the language of the list's {@code party} (a party requests its own people), which decides its Latin spelling
     * where the letters do not tell, as the exchange list does with the power of origin's.
     */
    Record entry(ListEntry e, Person person, String party) {
        if (e.personId() != null) {
            Record registry = person(person);
            return new Record(e.ref(), registry.name(), registry.nameLang(), registry.dateOfBirth(),
                    registry.serviceNumber(), registry.unit(), registry.rank(), e.note(), registry.personId(),
                    registry.status(), registry.statusCode(), registry.hidden());
        }
        return new Record(e.ref(), name(e), organisationLanguages.get(party), e.dateOfBirth(), e.serviceNumber(),
                e.unit(), e.rank(), e.note(), null, null, null, false);
    }

    /** A registry person as the reader may see them; null: a record the reader's organisation does not see. */
    Record person(Person p) {
        if (p == null) {
            return new Record(null, null, null, null, null, null, null, null, null, null, null, true);
        }
        return new Record(null, p.fullName(), nameLanguage(p), p.text(PersonField.DATE_OF_BIRTH),
                p.text(PersonField.SERVICE_NUMBER), p.text(PersonField.UNIT), p.text(PersonField.RANK), null,
                p.publicId(), msg("status." + p.status().name()), p.status().name().toLowerCase(Locale.ROOT)
                        .replace('_', '-'), false);
    }

    /** The language tag of a person's names as written, if it is a well-formed tag. */
    static String nameLanguage(Person person) {
        String tag = person.text(PersonField.NAME_LANGUAGE);
        return tag == null || !tag.matches("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*") ? null : tag;
    }

    /** Where a page of a list is: "entries 1–200 of 10,000" and the links to the pages before and after. */
    record Pagination(long total, int page, int pageCount, long first, long last, String previousUrl,
            String nextUrl) {
    }

    static Pagination pagination(long total, int page, int size, int shown, java.util.function.IntFunction<String> url) {
        int pageCount = PageNumbers.count(total, size);
        long first = total == 0 ? 0 : (long) (page - 1) * size + 1;
        long last = total == 0 ? 0 : first + shown - 1;
        return new Pagination(total, page, pageCount, first, last, page > 1 ? url.apply(Math.min(page - 1,
                pageCount)) : null, page < pageCount ? url.apply(page + 1) : null);
    }
}
