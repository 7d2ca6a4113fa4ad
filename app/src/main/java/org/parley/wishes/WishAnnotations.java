package org.parley.wishes;

import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import java.util.Arrays;
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

    @Override
    public Map<String, Schema<?>> describe() {
        Map<String, Schema<?>> fields = new LinkedHashMap<>();
        StringSchema status = new StringSchema();
        status.setEnum(Arrays.stream(WishStatus.values()).map(Enum::name).toList());
        fields.put("wishStatus", status.description("the repatriation wish derived from the statements: the latest "
                + "verified one governs; claims not verified or contradicting each other make UNVERIFIED_CLAIM"));
        fields.put("wishVerifiedOn", new StringSchema().format("date").description("the date of the verified "
                + "statement that governs wishStatus; absent without one"));
        StringSchema reinterview = new StringSchema();
        reinterview.setEnum(List.of("true"));
        fields.put("wishReinterview", reinterview.description("the string \"true\" when a later claim not verified "
                + "contradicts the verified wish, so the intermediary interviews the person again; absent otherwise"));
        return fields;
    }
}
