package org.steambytes.ingestion.mqtt;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A message's payload: a first line {@code Token <gateway token>} (optionally followed by
 * {@code precision=<unit>} for line protocol), then the batch: a JSON object as for
 * {@code POST /api/v1/readings}, or line protocol as for {@code POST /write}.
 */
record MqttPayload(String token, String precision, boolean json, byte[] body) {

    static final int MAX_HEADER = 512;

    /** The parts of a payload, or null when its first line is not {@code Token <token> [precision=<unit>]}. */
    static MqttPayload of(byte[] payload) {
        int newline = -1;
        for (int i = 0; i < Math.min(payload.length, MAX_HEADER); i++) {
            if (payload[i] == '\n') {
                newline = i;
                break;
            }
        }
        if (newline < 0) {
            return null;
        }
        String[] header = new String(payload, 0, newline, StandardCharsets.UTF_8).trim().split(" +");
        if (header.length < 2 || header.length > 3 || !(header[0].equalsIgnoreCase("Token")
                || header[0].equalsIgnoreCase("Bearer"))) {
            return null;
        }
        String precision = null;
        if (header.length == 3) {
            if (!header[2].startsWith("precision=")) {
                return null;
            }
            precision = header[2].substring("precision=".length());
        }
        byte[] body = Arrays.copyOfRange(payload, newline + 1, payload.length);
        int first = 0;
        while (first < body.length && Character.isWhitespace(body[first])) {
            first++;
        }
        return new MqttPayload(header[1], precision, first < body.length && body[first] == '{', body);
    }
}
