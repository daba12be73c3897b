package org.steambytes.dashboard.admin;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.steambytes.dashboard.InProcessFrontendApi;
import org.steambytes.testsupport.Fixtures;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * frontend-api asked directly with an admin key of all sites, to compare the pages with what the API itself
 * answers (its validation messages) and to check what the pages changed.
 */
final class FrontendApiDirect {

    record Answer(int status, JsonNode body) {

        /** {@code field: message} of each of the problem's errors. */
        List<String> errors() {
            List<String> errors = new ArrayList<>();
            body.path("errors").forEach(e -> errors.add(e.path("field").asString() + ": " + e.path("message").asString()));
            return errors;
        }

        String message(String field) {
            for (JsonNode error : body.path("errors")) {
                if (error.path("field").asString().equals(field)) {
                    return error.path("message").asString();
                }
            }
            throw new AssertionError("no error on " + field + " in " + body);
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static String adminKey;

    private FrontendApiDirect() {
    }

    static synchronized Answer send(String method, String path, String json) {
        if (adminKey == null) {
            adminKey = Fixtures.apiKey("admin", true);
        }
        return send(method, path, json, "X-API-Key", adminKey);
    }

    static Answer send(String method, String path, String json, String header, String value) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(InProcessFrontendApi.url() + path))
                .timeout(Duration.ofSeconds(20)).header(header, value).header("Accept", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body().isBlank() ? JSON.missingNode() : JSON.readTree(response.body()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
