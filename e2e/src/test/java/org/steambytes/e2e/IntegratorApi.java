package org.steambytes.e2e;

import org.steambytes.testsupport.ServiceClient;
import tools.jackson.databind.JsonNode;

/** frontend-api's REST API as an integrator calls it: {@code /api/v1/...} with {@code X-API-Key} (docs/API.md "Integrators"). */
final class IntegratorApi {

    private final ServiceClient client;
    private final String apiKey;

    IntegratorApi(int port, String apiKey) {
        this.client = new ServiceClient(port);
        this.apiKey = apiKey;
    }

    /** POST, expecting 201 Created. */
    JsonNode create(String path, Object body) {
        return expect(201, "POST", path, client.send("POST", "/api/v1" + path, JsonBodies.of(body), "X-API-Key", apiKey));
    }

    /** PUT, expecting 200. */
    JsonNode put(String path, Object body) {
        return expect(200, "PUT", path, client.send("PUT", "/api/v1" + path, JsonBodies.of(body), "X-API-Key", apiKey));
    }

    /** GET, expecting 200. */
    JsonNode get(String path) {
        return expect(200, "GET", path, client.send("GET", "/api/v1" + path, null, "X-API-Key", apiKey));
    }

    private static JsonNode expect(int status, String method, String path, ServiceClient.Answer answer) {
        if (answer.status() != status) {
            throw new AssertionError(method + " /api/v1" + path + " answered " + answer.status() + " (expected " + status
                    + "): " + answer.body());
        }
        return answer.json();
    }
}
