package org.steambytes.simulator.client;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import org.steambytes.simulator.log.Log;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Posts batches to iot-ingestion the way a gateway does (docs/API.md "Gateways: POST /api/v1/readings"):
 * at most {@link #MAX_READINGS} readings a batch, timestamps as epoch milliseconds. A 503 or a
 * connection problem is retried after {@code Retry-After} or a growing pause; any other refusal is
 * logged with its problem+json and the batch dropped — the simulator never stops over one batch.
 */
public final class IngestionClient {

    /** docs/API.md: more than 5,000 readings (or 1 MiB) → 413. */
    public static final int MAX_READINGS = 5_000;

    public enum Outcome { ACCEPTED, REFUSED, UNAUTHENTICATED, GAVE_UP }

    private final String url;
    private final Backoff backoff;

    public IngestionClient(String baseUrl, Backoff backoff) {
        this.url = stripSlash(baseUrl) + "/api/v1/readings";
        this.backoff = backoff;
    }

    public Outcome post(String siteId, String token, List<GatewayReading> readings) {
        if (readings.size() > MAX_READINGS) {
            throw new IllegalArgumentException("a batch holds at most " + MAX_READINGS + " readings, not " + readings.size());
        }
        String body = body(siteId, readings);
        String site = siteId == null ? "the token's site" : siteId;
        for (int attempt = 1; ; attempt++) {
            long retryAfter = -1;
            String problem;
            try {
                ApiResponse response = Http.send(Http.request(url).header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json").POST(Http.json(body)).build());
                if (response.ok()) {
                    return Outcome.ACCEPTED;
                }
                if (response.status() == 401) {
                    Log.warn("ingestion refused the gateway token for " + site + ": " + response.problem());
                    return Outcome.UNAUTHENTICATED;
                }
                if (response.status() != 503 && response.status() != 429 && response.status() != 502
                        && response.status() != 504) {
                    Log.warn("ingestion refused a batch of " + readings.size() + " readings for " + site + ": "
                            + response.problem());
                    return Outcome.REFUSED;
                }
                retryAfter = response.retryAfterSeconds();
                problem = response.problem();
            } catch (IOException e) {
                problem = "cannot reach " + url + ": " + e;
            }
            if (attempt >= backoff.maxAttempts() || Thread.currentThread().isInterrupted()) {
                Log.warn("gave up a batch of " + readings.size() + " readings for " + site + " after " + attempt
                        + " attempts: " + problem);
                return Outcome.GAVE_UP;
            }
            Duration delay = backoff.delay(attempt, retryAfter);
            Log.warn(problem + "; retrying in " + delay.getSeconds() + " s");
            Backoff.sleep(delay);
        }
    }

    static String body(String siteId, List<GatewayReading> readings) {
        ObjectNode batch = Json.object();
        if (siteId != null) {
            batch.put("site_id", siteId);
        }
        ArrayNode array = batch.putArray("readings");
        for (GatewayReading reading : readings) {
            array.addObject().put("sensor_id", reading.sensorId()).put("value", reading.value())
                    .put("timestamp", reading.timestamp().toEpochMilli());
        }
        return Json.write(batch);
    }

    static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
