package org.parley.registry;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** What a registrar gives for a person: the facts that are known, each typed, and their sources. */
public record PersonInput(Map<PersonField, Object> values, Map<PersonField, FactRecord> sources) {

    public PersonInput {
        values = Collections.unmodifiableMap(values.isEmpty() ? new EnumMap<>(PersonField.class) : new EnumMap<>(values));
        sources = Collections.unmodifiableMap(sources.isEmpty() ? new EnumMap<>(PersonField.class) : new EnumMap<>(sources));
    }

    public Object get(PersonField field) {
        return values.get(field);
    }
}
