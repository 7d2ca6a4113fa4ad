package org.parley.exchange;

import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.parley.api.Caller;
import org.parley.api.NotFoundException;
import org.parley.api.PublicIds;
import org.parley.api.Role;
import org.parley.registry.Person;
import org.parley.registry.RegistryService;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What the exchange page controllers share: the pages' addresses, the list kind and version number read from an
 * address, the texts in the reader's language, the registry persons the reader may see, and the links to versions.
 */
@Component
class ExchangePages {

    private final RegistryService registry;
    private final MessageSource messages;
    private final PublicIds publicIds;

    ExchangePages(RegistryService registry, MessageSource messages, PublicIds publicIds) {
        this.registry = registry;
        this.messages = messages;
        this.publicIds = publicIds;
    }

    /** A choice of a drop-down list. */
    record Option(String value, String label) {
    }

    /** A version of a list, linked. */
    record VersionLink(int number, String url, int entries, int removals, String by, String at, String diffUrl,
            String reconciliationUrl) {
    }

    ExchangeViews views(Locale locale) {
        return new ExchangeViews(messages, locale, registry.organisations(), publicIds);
    }

    /** The registry persons of these internal keys that the caller may see. */
    Map<Long, Person> persons(Caller caller, Set<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return registry.visible(caller, ids).stream().collect(Collectors.toMap(Person::id, Function.identity()));
    }

    /**
     * The persons of these public ids that the caller may see, by public id: a document names persons both parties
     * agreed on, but a page links only those the reader may open.
     */
    Map<String, Person> visibleByPublicId(Caller caller, Collection<String> personIds) {
        Set<Long> keys = new HashSet<>();
        for (String id : personIds) {
            if (id != null) {
                try {
                    keys.add(publicIds.parse(PublicIds.Kind.PERSON, id));
                } catch (NotFoundException e) {
                    // names nobody
                }
            }
        }
        return persons(caller, keys).values().stream().collect(Collectors.toMap(Person::publicId,
                Function.identity()));
    }

    static String roundUrl(String id) {
        return "/exchanges/" + id;
    }

    static String listUrl(String id, String party, ListKind kind) {
        return roundUrl(id) + "/lists/" + party + "/" + kind.code();
    }

    static String versionUrl(String id, String party, ListKind kind, int number) {
        return listUrl(id, party, kind) + "/versions/" + number;
    }

    static String leftOffUrl(String id, String party, ListKind kind) {
        return roundUrl(id) + "/left-off?party=" + party + "&kind=" + kind.code();
    }

    static String exchangeListUrl(String id) {
        return roundUrl(id) + "/exchange-list";
    }

    static String exchangeVersionUrl(String id, int number) {
        return exchangeListUrl(id) + "/versions/" + number;
    }

    static String agreementUrl(String id) {
        return roundUrl(id) + "/agreement";
    }

    static String handoverUrl(String id) {
        return roundUrl(id) + "/handover";
    }

    static String reportUrl(String id) {
        return roundUrl(id) + "/report";
    }

    static ListKind kind(String code) {
        ListKind kind = ListKind.ofCode(code);
        if (kind == null) {
            throw NotFoundException.absent("list kind", code);
        }
        return kind;
    }

    static int number(String text) {
        try {
            int n = Integer.parseInt(text);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // not a version
        }
        throw NotFoundException.absent("version", text);
    }

    static boolean negotiatorOf(Caller caller, String party) {
        return party.equals(caller.organisation()) && caller.has(Role.NEGOTIATOR);
    }

    static VersionLink versionLink(String id, ListVersion v) {
        String url = versionUrl(id, v.party(), v.kind(), v.number());
        return new VersionLink(v.number(), url, v.entryCount(), v.removalCount(), v.createdBy(),
                ExchangeViews.time(v.createdAt()), v.number() > 1 ? url + "/diff?from=" + (v.number() - 1) : null,
                v.kind() == ListKind.REQUEST ? url + "/reconciliation" : null);
    }

    static void addIfPerson(Set<Long> ids, Long id) {
        if (id != null) {
            ids.add(id);
        }
    }
}
