package org.steambytes.common.history;

import java.time.Instant;
import java.util.List;

/**
 * The answer of the history API: the query as it was run, its buckets oldest first, and the resolution
 * they were computed from ({@code raw}, {@code 1m} or {@code 1h} rollups: the finest whose retention
 * still covers {@code from}; docs/API.md).
 */
public record History(String siteId, String sensorId, String aggregate, String interval, String timezone,
        Instant from, Instant to, List<HistoryPoint> points, String resolution) {
}
