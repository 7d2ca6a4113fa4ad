package org.parley.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What every part of the OpenAPI document ({@code /api/v1/openapi.json}) shares. Bodies read and written as JSON
 * trees ({@link JsonInput}) are JSON objects and arrays there: left to itself springdoc describes the tree classes'
 * own getters ({@code nodeType}, {@code missingNode}, …) and logs a warning for each it cannot read. Every
 * operation but the two that issue tokens and change passwords needs the bearer token.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiDocument {

    static final String BEARER = "bearer";

    OpenApiDocument() {
        SpringDocUtils.getConfig()
                .replaceWithSchema(ObjectNode.class, new ObjectSchema().description("a JSON object"))
                .replaceWithSchema(ArrayNode.class, new ArraySchema().items(new Schema<>())
                        .description("a JSON array"))
                .replaceWithSchema(JsonNode.class, new Schema<>().description("a JSON value"));
    }

    @Bean
    OpenApiCustomizer bearerTokens() {
        return api -> {
            if (api.getComponents() == null) {
                api.setComponents(new Components());
            }
            api.getComponents().addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                    .scheme("bearer").description("a token of POST /api/v1/auth/token"));
            api.addSecurityItem(new SecurityRequirement().addList(BEARER));
        };
    }
}
