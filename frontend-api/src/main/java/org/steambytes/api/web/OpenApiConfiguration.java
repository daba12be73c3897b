package org.steambytes.api.web;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description at {@code /v3/api-docs} (Swagger UI at {@code /swagger-ui.html}). */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    /** swagger-core reads models with its own (Jackson 2) mapper: make it name properties as the API does. */
    @Bean
    ModelResolver snakeCaseModelResolver() {
        return new ModelResolver(Json.mapper().copy()
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
    }

    @Bean
    OpenApiCustomizer problemResponses() {
        return new ProblemResponses();
    }

    @Bean
    OpenAPI steamBytesOpenApi() {
        return new OpenAPI()
                .info(new Info().title("SteamBytes integrators' API").version("v1")
                        .description("Sites, sensors, gateways, latest values, history, ingestion logs, alert rules, alerts, maintenance windows, "
                                + "site summaries, API keys and users, for integrators (X-API-Key) and the dashboard (a user token). "
                                + "Every error is RFC 9457 application/problem+json with a stable `code`."))
                .components(new Components().addSecuritySchemes("apiKey", new SecurityScheme()
                        .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER).name("X-API-Key"))
                        .addSecuritySchemes("userToken", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT").description("A dashboard user's token, issued by"
                                        + " frontend-web (HS256, 5 minutes, names only the user; role and sites are the"
                                        + " user's as stored now).")))
                // Either one: two requirements are alternatives.
                .addSecurityItem(new SecurityRequirement().addList("apiKey"))
                .addSecurityItem(new SecurityRequirement().addList("userToken"));
    }
}
