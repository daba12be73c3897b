package org.steambytes.ingestion.reading;

import java.util.List;

/** A gateway's request body; {@code siteId} is null when the gateway left it out (its token's site). */
public record IncomingBatch(String siteId, List<IncomingReading> readings) {
}
