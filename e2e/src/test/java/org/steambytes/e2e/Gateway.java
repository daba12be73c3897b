package org.steambytes.e2e;

import java.util.List;
import java.util.Map;
import org.steambytes.testsupport.ServiceClient;
import tools.jackson.databind.JsonNode;

/** A site's gateway posting readings to iot-ingestion with its token (docs/API.md "Gateways"). */
final class Gateway {

    /** One reading; {@code timestamp} is RFC 3339, epoch milliseconds, or null for the time the server receives it. */
    record Reading(String sensorId, double value, Object timestamp) {

        Map<String, Object> json() {
            return timestamp == null ? Map.of("sensor_id", sensorId, "value", value)
                    : Map.of("sensor_id", sensorId, "value", value, "timestamp", timestamp);
        }
    }

    private final ServiceClient ingestion;
    private final String siteId;
    private final String token;

    Gateway(int ingestionPort, String siteId, String token) {
        this.ingestion = new ServiceClient(ingestionPort);
        this.siteId = siteId;
        this.token = token;
    }

    /**
     * Writes InfluxDB line protocol as Telegraf's {@code outputs.influxdb} does ({@code POST /write?db=<site>},
     * {@code Authorization: Token <gateway token>}, millisecond precision; docs/API.md "Line protocol").
     */
    ServiceClient.Answer writeLines(String lines) {
        return ingestion.post("/write?db=" + siteId + "&precision=ms", "Token " + token, "text/plain; charset=utf-8", lines);
    }

    /** Posts one batch and expects 202 with every reading accepted; answers the batch's id. */
    String post(List<Reading> readings) {
        ServiceClient.Answer answer = ingestion.post("/api/v1/readings", "Bearer " + token, "application/json",
                JsonBodies.of(Map.of("site_id", siteId, "readings", readings.stream().map(Reading::json).toList())));
        if (answer.status() != 202) {
            throw new AssertionError("POST /api/v1/readings answered " + answer.status() + " (expected 202): " + answer.body());
        }
        JsonNode accepted = answer.json();
        if (accepted.path("accepted").asInt() != readings.size()) {
            throw new AssertionError("accepted " + accepted.path("accepted") + " of " + readings.size() + " readings: " + answer.body());
        }
        return accepted.path("batch_id").asString();
    }
}
