package org.steambytes.simulator.client;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.time.Duration;
import org.steambytes.simulator.log.Log;
import tools.jackson.databind.JsonNode;

/**
 * frontend-api's integrator API with an admin key ({@code X-API-Key}, docs/API.md "Integrators"). A
 * connection problem or a 503 is retried (frontend-api may still be starting, or ai-processor behind
 * it); every other answer goes back to the caller.
 */
public final class ProvisioningClient {

    private final String base;
    private final String apiKey;
    private final Backoff backoff;

    public ProvisioningClient(String baseUrl, String apiKey, Backoff backoff) {
        this.base = IngestionClient.stripSlash(baseUrl) + "/api/v1";
        this.apiKey = apiKey;
        this.backoff = backoff;
    }

    public ApiResponse get(String path) {
        return send(request(path).GET());
    }

    public ApiResponse post(String path, JsonNode body) {
        return send(request(path).header("Content-Type", "application/json").POST(Http.json(Json.write(body))));
    }

    public ApiResponse put(String path, JsonNode body) {
        return send(request(path).header("Content-Type", "application/json").PUT(Http.json(Json.write(body))));
    }

    public ApiResponse delete(String path) {
        return send(request(path).DELETE());
    }

    /** The answer, which must be a success: otherwise the step cannot go on. */
    public JsonNode expect(ApiResponse response, String what) {
        if (!response.ok()) {
            throw new ProvisioningException(what + " failed: " + response.problem());
        }
        return response.body();
    }

    private HttpRequest.Builder request(String path) {
        return Http.request(base + path).header("X-API-Key", apiKey);
    }

    private ApiResponse send(HttpRequest.Builder builder) {
        HttpRequest request = builder.build();
        for (int attempt = 1; ; attempt++) {
            long retryAfter = -1;
            String problem;
            try {
                ApiResponse response = Http.send(request);
                if (response.status() != 503) {
                    return response;
                }
                retryAfter = response.retryAfterSeconds();
                problem = response.problem();
            } catch (IOException e) {
                problem = "cannot reach " + request.uri() + ": " + e;
            }
            if (attempt >= backoff.maxAttempts()) {
                throw new ProvisioningException(request.method() + " " + request.uri() + " gave up after " + attempt
                        + " attempts: " + problem);
            }
            Duration delay = backoff.delay(attempt, retryAfter);
            Log.warn(request.method() + " " + request.uri().getPath() + ": " + problem + "; retrying in "
                    + delay.getSeconds() + " s");
            Backoff.sleep(delay);
        }
    }
}
