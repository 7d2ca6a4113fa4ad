package org.parley.interchange;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fuzz target for received notification bundles: any JSON is checked against the bundle's schema, which lists what is
 * wrong (where: why) and throws nothing; text that is not JSON is refused before.
 */
class BundleFuzzTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final BundleSchema SCHEMA = new BundleSchema();

    @FuzzTest
    void anyDocumentIsCheckedAgainstTheSchema(byte[] bytes) {
        JsonNode document;
        try {
            document = JSON.readTree(bytes);
        } catch (JacksonException e) {
            return;
        }
        if (document != null) {
            assertThat(SCHEMA.problems(document)).allSatisfy(problem -> assertThat(problem).isNotBlank());
        }
    }
}
