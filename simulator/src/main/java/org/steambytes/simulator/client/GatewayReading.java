package org.steambytes.simulator.client;

import java.time.Instant;

/** One reading as a gateway posts it (docs/API.md "Gateways: POST /api/v1/readings"). */
public record GatewayReading(String sensorId, double value, Instant timestamp) {
}
