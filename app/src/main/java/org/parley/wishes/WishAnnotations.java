package org.parley.wishes;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parley.api.Caller;
import org.parley.registry.Person;
import org.parley.registry.PersonAnnotations;
import org.springframework.stereotype.Component;

/**
 * Adds the derived wish to every person the API answers: {@code wishStatus}, the date of the verified
 * statement that governs it ({@code wishVerifiedOn}), and {@code wishReinterview} when a later claim contradicts
 * it. Whoever may see the person may see these; the statements themselves are not part of the person.
 */
@Component
class WishAnnotations implements PersonAnnotations {

    private final WishService wishes;

    WishAnnotations(WishService wishes) {
        this.wishes = wishes;
    }

    @Override
    public Map<Long, Map<String, String>> annotate(Caller caller, List<Person> persons) {
        Map<Long, Map<String, String>> fields = new HashMap<>();
        wishes.wishes(persons).forEach((id, wish) -> {
            Map<String, String> values = new LinkedHashMap<>();
            values.put("wishStatus", wish.status().name());
            if (wish.verifiedOn() != null) {
                values.put("wishVerifiedOn", wish.verifiedOn().toString());
            }
            if (wish.contradicted()) {
                values.put("wishReinterview", "true");
            }
            fields.put(id, values);
        });
        return fields;
    }
}
