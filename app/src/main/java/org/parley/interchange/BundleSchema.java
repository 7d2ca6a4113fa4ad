package org.parley.interchange;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.parley.api.FieldError;
import org.parley.api.InvalidInputException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The JSON Schema of a notification bundle (docs/interchange/bundle.schema.json; the class path holds the same file,
 * which a test compares), checked with networknt's validator before anything else of a bundle is read.
 */
@Component
class BundleSchema {

    static final String RESOURCE = "/interchange/bundle.schema.json";
    private static final int MAX_REPORTED = 20;

    private final Schema schema;

    BundleSchema() {
        try (InputStream in = BundleSchema.class.getResourceAsStream(RESOURCE)) {
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What is wrong with the document against the schema, as "where: why" (none when it conforms). */
    List<String> problems(JsonNode document) {
        return schema.validate(document).stream().limit(MAX_REPORTED).map(BundleSchema::describe).toList();
    }

    /**
     * @throws InvalidInputException on {@code bundle}, naming each place the document breaks the schema
     */
    void require(JsonNode document) {
        List<String> problems = problems(document);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems.stream().map(p -> new FieldError("bundle",
                    "malformed bundle (not of the schema urn:parley:schema:notification-bundle:1): " + p))
                    .toList());
        }
    }

    /** "/persons/0/events/1/type: does not have a value in the enumeration […]" (JSON Pointer, RFC 6901). */
    private static String describe(Error error) {
        String where = error.getInstanceLocation().toString();
        return (where.isEmpty() ? "the document" : where) + ": " + error.getMessage();
    }
}
