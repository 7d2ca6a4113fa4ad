package org.parley.wishes;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.parley.api.Caller;
import org.parley.registry.Person;
import org.parley.registry.PersonListColumn;
import org.springframework.stereotype.Component;

/**
 * The wish status as a column of the person list and a filter of it ({@code wishStatus=VERIFIED_NOT_RETURNING}),
 * read from the status stored with every statement (table {@code wish_status}). Whoever may see a person may see
 * the status ({@link WishAnnotations}), and the list's query keeps only the persons the caller may see, so the
 * filter tells nobody more than the column does: it needs no condition of its own on the caller.
 */
@Component
class WishListColumn implements PersonListColumn {

    static final String NAME = "wishStatus";

    private final StatementRepository statements;

    WishListColumn(StatementRepository statements) {
        this.statements = statements;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> choices() {
        return Arrays.stream(WishStatus.values()).map(Enum::name).toList();
    }

    @Override
    public String messageKey() {
        return "list.wishStatus";
    }

    @Override
    public String description() {
        return "the repatriation wish derived from the statements on record: VERIFIED_RETURN and "
                + "VERIFIED_NOT_RETURNING by the intermediary's private interview, UNVERIFIED_CLAIM when only claims "
                + "not verified (or contradicting each other) stand, UNKNOWN when nothing was said";
    }

    @Override
    public String condition(Caller caller, String choice, Map<String, Object> params) {
        if (choice.equals(WishStatus.UNKNOWN.name())) {
            return "p.id not in (select w.person_id from wish_status w where w.status <> 'UNKNOWN')";
        }
        params.put(NAME, choice);
        // an array, computed once: PostgreSQL then reads these few persons by id instead of joining every person
        return "p.id = any(array(select w.person_id from wish_status w where w.status = :" + NAME + "))";
    }

    @Override
    public Map<Long, String> values(Caller caller, List<Person> persons) {
        Map<Long, DerivedWish> stored = statements.storedWishes(persons.stream().map(Person::id).toList());
        Map<Long, String> values = new HashMap<>();
        persons.forEach(p -> values.put(p.id(), stored.getOrDefault(p.id(), DerivedWish.UNKNOWN).status().name()));
        return values;
    }
}
