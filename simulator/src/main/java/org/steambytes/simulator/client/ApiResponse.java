package org.steambytes.simulator.client;

import tools.jackson.databind.JsonNode;

/** An HTTP answer: its status, its body as JSON (a missing node if none), and its raw text for the log. */
public record ApiResponse(int status, JsonNode body, String text, long retryAfterSeconds) {

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    /** The problem's code and detail (docs/API.md "API conventions"), or the raw text, for a log line. */
    public String problem() {
        String code = Json.text(body, "code");
        if (code == null) {
            return "HTTP " + status + (text == null || text.isBlank() ? "" : ": " + abbreviate(text));
        }
        return "HTTP " + status + " " + code + ": " + Json.text(body, "detail")
                + (body.has("errors") ? " " + abbreviate(Json.write(body.get("errors"))) : "");
    }

    private static String abbreviate(String text) {
        return text.length() > 600 ? text.substring(0, 600) + "…" : text;
    }
}
