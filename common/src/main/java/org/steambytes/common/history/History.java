package org.steambytes.common.history;

import java.time.Instant;
import java.util.List;

/** The answer of the history API: the query as it was run, and its buckets oldest first. */
public record History(String siteId, String sensorId, String aggregate, String interval, String timezone,
        Instant from, Instant to, List<HistoryPoint> points) {
}
