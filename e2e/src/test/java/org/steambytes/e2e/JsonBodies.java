package org.steambytes.e2e;

import tools.jackson.databind.json.JsonMapper;

/** Request bodies written as JSON (snake_case names are spelled as the API names them, docs/API.md). */
final class JsonBodies {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonBodies() {
    }

    static String of(Object body) {
        return JSON.writeValueAsString(body);
    }
}
