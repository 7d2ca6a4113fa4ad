package org.parley.registry;

import io.swagger.v3.oas.models.media.Schema;
import java.util.List;
import java.util.Map;
import org.parley.api.Caller;

/**
 * What other features derive about persons and show with them (the repatriation wish status, for instance):
 * implemented by those features, so that the registry names none of them. Each implementation answers only what
 * the caller may read.
 */
public interface PersonAnnotations {

    /** For each of the persons (all visible to the caller), the JSON fields to add, by person id. */
    Map<Long, Map<String, String>> annotate(Caller caller, List<Person> persons);

    /** The fields {@link #annotate} adds, by name, as the person's schema in the OpenAPI document describes them. */
    default Map<String, Schema<?>> describe() {
        return Map.of();
    }
}
