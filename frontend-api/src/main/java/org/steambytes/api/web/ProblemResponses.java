package org.steambytes.api.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Adds to every operation the RFC 9457 error answers it really gives, all
 * {@code application/problem+json} with the {@code Problem} schema: 401 everywhere, 403 for writes
 * and admin-only routes, 404 where a path names something, 400/422 where a body or parameters are
 * read, 409 for conflicts, 503 where another service or store is asked.
 */
final class ProblemResponses implements OpenApiCustomizer {

    static final String SCHEMA = "Problem";

    @Override
    public void customise(OpenAPI openApi) {
        openApi.getComponents().addSchemas(SCHEMA, problemSchema());
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((method, operation) -> describe(path, method, operation)));
    }

    private static void describe(String path, PathItem.HttpMethod method, Operation operation) {
        boolean write = method != PathItem.HttpMethod.GET;
        boolean adminOnly = path.startsWith("/api/v1/api-keys") || path.startsWith("/api/v1/users")
                || path.endsWith("/analytics-config");
        boolean readsInput = write || (operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(parameter -> "query".equals(parameter.getIn())));
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        add(responses, "401", "No, unknown or revoked X-API-Key, or an invalid or expired user token, or a disabled user (code unauthenticated).");
        if (write || adminOnly) {
            add(responses, "403", "The caller's role may not do this (code forbidden).");
        }
        if (path.contains("{")) {
            add(responses, "404", "Not found, or outside the caller's site scope (code not_found and more specific codes).");
        }
        if (readsInput) {
            add(responses, "400", "Unreadable body (code unreadable_body, with the JSON path) or parameter (code invalid_parameter).");
            add(responses, "422", "Invalid fields, each named in errors[] (code validation_failed; history: too_many_points).");
        }
        if (method == PathItem.HttpMethod.POST || path.equals("/api/v1/sites/{siteId}") && method == PathItem.HttpMethod.DELETE
                || path.endsWith("/shelve")) {
            add(responses, "409", "Conflicts with what exists (site_exists, sensor_exists, site_has_data, alert_not_shelved, …).");
        }
        if (path.endsWith("/readings") || path.endsWith("/acknowledge") || path.endsWith("/shelve")
                || path.endsWith("/analytics") || path.endsWith("/analytics-config")) {
            add(responses, "503", "The service behind this (ai-processor or alert-service) is unreachable; Retry-After is set.");
        }
        operation.setResponses(responses);
    }

    private static void add(ApiResponses responses, String status, String description) {
        responses.putIfAbsent(status, new ApiResponse().description(description).content(new Content().addMediaType(
                "application/problem+json", new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + SCHEMA)))));
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        Schema<?> error = new ObjectSchema().properties(Map.of(
                "index", new IntegerSchema().description("element of a batch, where there is one"),
                "field", new StringSchema().description("snake_case field or JSON path"),
                "message", new StringSchema()));
        return new ObjectSchema().description("RFC 9457 problem details with a stable code")
                .addProperty("type", new StringSchema().example("urn:steambytes:problem:validation_failed"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema())
                .addProperty("code", new StringSchema().example("validation_failed"))
                .addProperty("errors", new ArraySchema().items(error));
    }
}
