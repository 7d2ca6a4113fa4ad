package org.parley.registry;

import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The registry's schemas in the OpenAPI document, generated from {@link PersonField} so that the document and
 * what the API accepts cannot drift apart.
 */
@Configuration(proxyBeanMethods = false)
class RegistryOpenApi {

    static final String PERSON = "#/components/schemas/Person";
    static final String PERSON_INPUT = "#/components/schemas/PersonInput";
    static final String PERSON_PATCH = "#/components/schemas/PersonPatch";
    static final String PERSON_PAGE = "#/components/schemas/PersonPage";
    static final String EVENT_INPUT = "#/components/schemas/EventInput";
    static final String NOTIFICATIONS_INPUT = "#/components/schemas/NotificationsInput";
    private static final String LIST_PATH = "/api/v1/persons";

    /** Also the fields other features add to a person ({@link PersonAnnotations#describe}). */
    @Bean
    OpenApiCustomizer registrySchemas(List<PersonAnnotations> annotations,
            ObjectProvider<PersonListColumn> listColumns) {
        return api -> {
            List<PersonListColumn> columns = listColumns.orderedStream().toList();
            api.getInfo().title("Parley API").version("v1")
                    .description("Registry of prisoners of war and interned civilians. Errors are RFC 9457 problem "
                            + "details (application/problem+json) naming each field and the reason.");
            ObjectSchema input = facts();
            input.required(List.of("surname", "holdingParty"));
            api.getComponents().addSchemas("PersonInput", input);

            ObjectSchema patch = facts();
            patch.addProperty("version", new IntegerSchema().description("the version that was read"));
            patch.addProperty("reason", new StringSchema().description("why the facts are corrected"));
            patch.required(List.of("version"));
            api.getComponents().addSchemas("PersonPatch", patch);

            ObjectSchema person = facts();
            person.addProperty("id", new StringSchema().format("uuid").description("opaque public id: the text "
                    + "form of a UUID, not a number; nothing can be learnt from it"));
            person.addProperty("version", new IntegerSchema());
            person.addProperty("fullName", new StringSchema());
            person.addProperty("nameScript", new StringSchema().description("ISO 15924: Cyrl, Latn; Zmix when mixed"));
            person.addProperty("status", enumSchema(Status.class).description("derived from the lifecycle events"));
            person.addProperty("notifiedOn", new StringSchema().format("date"));
            person.addProperty("custodyEndedOn", new StringSchema().format("date").description("derived from the "
                    + "lifecycle events: the day the person left custody (exchanged, repatriated, released, escaped, "
                    + "died, remained); null while in custody"));
            person.addProperty("createdAt", new StringSchema().format("date-time"));
            person.addProperty("updatedAt", new StringSchema().format("date-time"));
            annotations.forEach(annotation -> annotation.describe().forEach(person::addProperty));
            for (PersonListColumn column : columns) {
                person.addProperty(column.name(), enumSchema(column.choices()).description(column.description()));
            }
            api.getComponents().addSchemas("Person", person);

            ObjectSchema page = new ObjectSchema();
            page.addProperty("items", new ArraySchema().items(new Schema<>().$ref(PERSON)));
            page.addProperty("total", new IntegerSchema().format("int64"));
            page.addProperty("page", new IntegerSchema());
            page.addProperty("size", new IntegerSchema());
            api.getComponents().addSchemas("PersonPage", page);

            ObjectSchema event = new ObjectSchema();
            event.addProperty("type", enumSchema(EventType.class));
            event.addProperty("occurredOn", new StringSchema().format("date"));
            event.addProperty("place", new StringSchema());
            event.addProperty("note", new StringSchema());
            event.addProperty("supersedes", new StringSchema().format("uuid")
                    .description("for a CORRECTION: the id of the event it supersedes, one the caller's "
                            + "organisation recorded; never the NOTIFIED event"));
            event.required(List.of("type"));
            api.getComponents().addSchemas("EventInput", event);

            ObjectSchema notifications = new ObjectSchema();
            notifications.addProperty("personIds", new ArraySchema().items(new StringSchema().format("uuid"))
                    .minItems(1).maxItems(RegistryService.MAX_PAGE_SIZE).uniqueItems(true));
            notifications.addProperty("date", new StringSchema().format("date")
                    .description("the day the notification went out; not in the future"));
            notifications.required(List.of("personIds", "date"));
            api.getComponents().addSchemas("NotificationsInput", notifications);

            if (api.getPaths() != null && api.getPaths().get(LIST_PATH) != null) {
                api.getPaths().get(LIST_PATH).getGet().setParameters(listParameters(columns));
            }
        };
    }

    private static ObjectSchema facts() {
        ObjectSchema schema = new ObjectSchema();
        for (PersonField field : PersonField.values()) {
            PersonField.Kind kind = field.kind();
            Schema<?> property = switch (kind.name()) {
                case "enum" -> enumSchema(kind.enumType());
                case "boolean" -> new BooleanSchema();
                case "date" -> new StringSchema().format("date");
                case "partialDate" -> new StringSchema().pattern("^\\d{4}(-\\d{2}(-\\d{2})?)?$")
                        .description("YYYY, YYYY-MM or YYYY-MM-DD");
                case "party" -> new StringSchema().description("organisation code, e.g. party-a");
                case "language" -> new StringSchema().description("BCP 47 language of the name as written");
                default -> new StringSchema().maxLength(kind.maxLength());
            };
            schema.addProperty(field.jsonName(), property.nullable(true));
        }
        ObjectSchema fact = new ObjectSchema();
        fact.addProperty("source", enumSchema(FactSource.class));
        fact.addProperty("confidence", enumSchema(Confidence.class));
        fact.addProperty("voluntary", new BooleanSchema().description("given voluntarily (beyond GC III Art. 17)"));
        schema.addProperty(PersonJson.SOURCES, new ObjectSchema().additionalProperties(fact)
                .description("per field name: where the fact comes from"));
        return schema;
    }

    /** The query parameters of the person list (the controller reads them as one map, to name unknown ones). */
    private static List<Parameter> listParameters(List<PersonListColumn> columns) {
        List<Parameter> parameters = new ArrayList<>();
        parameters.add(query("q", new StringSchema().maxLength(200), "a name in any script, or a service or "
                + "prisoner number; every word must match"));
        parameters.add(query("holdingParty", new StringSchema(), "code of the party holding the person"));
        parameters.add(query("powerOfOrigin", new StringSchema(), "code of the person's power of origin"));
        parameters.add(query("status", enumSchema(Status.class), null));
        parameters.add(query("category", enumSchema(Category.class), null));
        parameters.add(query("branch", enumSchema(Branch.class), null));
        parameters.add(query("rankGroup", enumSchema(RankGroup.class), null));
        parameters.add(query("capturedFrom", new StringSchema().format("date"), "captured on or after"));
        parameters.add(query("capturedTo", new StringSchema().format("date"), "captured on or before"));
        for (PersonListColumn column : columns) {
            parameters.add(query(column.name(), enumSchema(column.choices()), column.description()));
        }
        parameters.add(query("sort", enumSchema(PersonSort.CHOICES), "name, captureDate, timeInCaptivity, or "
                + "relevance (with q only); a leading minus reverses the order. Default: relevance with q, else "
                + "name, in the alphabetical order of the Accept-Language (uk, ru; any other: Latin, then Cyrillic)"));
        parameters.add(query("page", new IntegerSchema().minimum(java.math.BigDecimal.ZERO)._default(0),
                "counted from 0"));
        parameters.add(query("size", new IntegerSchema().minimum(java.math.BigDecimal.ONE)
                .maximum(java.math.BigDecimal.valueOf(RegistryService.MAX_PAGE_SIZE))._default(50), null));
        return parameters;
    }

    private static Parameter query(String name, Schema<?> schema, String description) {
        return new Parameter().in("query").name(name).required(false).schema(schema).description(description);
    }

    private static StringSchema enumSchema(List<String> values) {
        StringSchema schema = new StringSchema();
        schema.setEnum(values);
        return schema;
    }

    private static StringSchema enumSchema(Class<? extends Enum<?>> type) {
        StringSchema schema = new StringSchema();
        schema.setEnum(Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
        return schema;
    }
}
