package org.parley.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.ParleyTest;
import org.springdoc.core.events.SpringDocAppInitializer;
import org.springdoc.core.properties.SpringDocConfigProperties;
import org.springdoc.core.service.OpenAPIService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI document: open without a token (it holds no data), describing the fields other features add to a
 * person, and made without a warning in the log.
 */
@ParleyTest
@ExtendWith(OutputCaptureExtension.class)
class OpenApiDocumentTest {

    @LocalServerPort
    int port;
    @Autowired
    OpenAPIService openApi;
    @Autowired
    SpringDocConfigProperties springDoc;

    @Test
    void theDocumentIsOpenCompleteAndMadeWithoutWarnings(CapturedOutput output) throws Exception {
        // made afresh here, whatever other tests asked for before
        openApi.setCachedOpenAPI(null, Locale.ENGLISH);
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/v1/openapi.json")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as("no token needed").isEqualTo(200);
        assertThat(openApi.getCachedOpenAPI(Locale.ENGLISH)).as("made by this request").isNotNull();
        JsonNode document = JsonMapper.builder().build().readTree(answer.body());

        JsonNode person = document.at("/components/schemas/Person/properties");
        assertThat(person.at("/wishStatus/enum")).hasSize(4);
        assertThat(person.at("/wishVerifiedOn/format").stringValue()).isEqualTo("date");
        assertThat(person.has("wishReinterview")).isTrue();
        assertThat(person.has("surname")).isTrue();
        assertThat(document.at("/components/schemas").has("JsonNode"))
                .as("JSON bodies are objects, not the tree class's getters").isFalse();
        assertThat(document.at("/components/securitySchemes/bearer/scheme").stringValue()).isEqualTo("bearer");
        assertThat(document.at("/paths/~1api~1v1~1auth~1token/post/security")).as("no token to get one").isEmpty();

        // what springdoc says when the context starts, said again here
        new SpringDocAppInitializer(springDoc.getApiDocs().getPath(), "springdoc.api-docs.enabled",
                springDoc.getApiDocs().isEnabled()).init();
        assertThat(output.getAll().lines().filter(line -> line.contains(" WARN ") || line.contains("Graceful"))
                .toList()).isEmpty();
    }
}
