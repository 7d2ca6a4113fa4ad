package org.parley.wishes;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.parley.api.Caller;
import org.parley.api.MessageKeys;
import org.parley.api.PublicIds;
import org.parley.registry.Person;
import org.springframework.context.MessageSource;

/** The repatriation wish of a person as the page shows it to the reader, in the reader's language. */
final class WishViews {

    /** One statement the reader may read. */
    record StatementView(String id, String wish, String method, boolean verified, String takenBy, String organisation,
            String takenOn, String place, String language, String interpreter, String text) {
    }

    /**
     * The wish section of a person: the derived status for everyone, statements and the form for those allowed;
     * {@code closed}, for those who would record one, why no statement is recorded now (the person is no longer
     * held), and then {@code methods} is empty.
     */
    record Section(String personId, String statusCode, String status, boolean reinterview, boolean readsStatements,
            List<StatementView> statements, List<Option> methods, List<Option> wishes, String closed) {
    }

    /** An option of the statement form's drop-down lists. */
    record Option(String value, String label) {
    }

    private final MessageSource messages;
    private final Locale locale;
    private final Map<String, String> organisationNames;
    private final PublicIds publicIds;

    WishViews(MessageSource messages, Locale locale, Map<String, String> organisationNames, PublicIds publicIds) {
        this.messages = messages;
        this.locale = locale;
        this.organisationNames = organisationNames;
        this.publicIds = publicIds;
    }

    Section section(WishService wishes, Caller caller, Person person) {
        // the person comes from the registry for this caller: no need to ask the registry again
        DerivedWish wish = wishes.wishes(List.of(person)).get(person.id());
        boolean reads = wishes.readsStatements(caller, person);
        List<StatementView> statements = reads ? wishes.statements(caller, person).stream().map(this::view).toList()
                : List.of();
        List<StatementMethod> methods = wishes.methodsFor(caller, person);
        String closed = null;
        if (!methods.isEmpty() && !WishService.recordsNow(person)) {
            closed = messages.getMessage("wishes.notInCustody", new Object[] {msg(MessageKeys.of(person.status()))},
                    locale);
            methods = List.of();
        }
        return new Section(person.publicId(), wish.status().name(), status(wish), wish.contradicted(), reads,
                statements, methods.stream().map(m -> new Option(m.name(), msg(MessageKeys.of(m)))).toList(),
                Arrays.stream(Wish.values()).map(w -> new Option(w.name(), msg(MessageKeys.of(w)))).toList(), closed);
    }

    /** "Declines repatriation — verified by the intermediary on 2025-03-01", "Unverified claim", … */
    String status(DerivedWish wish) {
        return messages.getMessage(MessageKeys.of(wish.status()),
                new Object[] {wish.verifiedOn() == null ? "" : wish.verifiedOn().toString()}, locale);
    }

    private StatementView view(Statement s) {
        return new StatementView(publicIds.of(PublicIds.Kind.STATEMENT, s.id()), msg(MessageKeys.of(s.wish())),
                msg(MessageKeys.of(s.method())), s.verified(), s.takenBy(),
                organisationNames.getOrDefault(s.organisation(), s.organisation()), s.takenOn().toString(),
                s.place(), s.language(), s.interpreter() == null ? null : msg(s.interpreter() ? "common.yes" : "common.no"),
                s.text());
    }

    private String msg(String key) {
        return messages.getMessage(key, null, locale);
    }
}
