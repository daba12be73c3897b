package org.steambytes.ingestion.reading;

import java.time.Instant;

/** One reading as a gateway sent it; {@code timestamp} is null when the gateway left it out ("now"). */
public record IncomingReading(String sensorId, double value, Instant timestamp) {
}
