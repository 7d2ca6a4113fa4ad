package org.parley.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Set;
import org.parley.api.InvalidInputException;
import org.parley.api.JsonInput;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fuzz target for the person's JSON body ({@code POST /api/v1/persons}, {@code PATCH}): any JSON is read into facts or
 * refused with an {@link InvalidInputException} naming the fields — never another exception (which would answer 500).
 * Text that is not JSON is refused before (Spring's reader, answered 400 by {@code api.ProblemHandler}).
 */
class PersonJsonFuzzTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @FuzzTest
    void anyBodyIsReadOrRefusedFieldByField(byte[] body) {
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (JacksonException e) {
            return;
        }
        if (node == null || !node.isObject()) {
            return;
        }
        JsonInput in = new JsonInput();
        try {
            PersonJson.read(node, Set.of(), in);
            in.throwIfAny();
        } catch (InvalidInputException e) {
            assertThat(e.errors()).isNotEmpty();
        }
    }
}
