package org.steambytes.dashboard.api;

import java.util.List;

/** {@code GET /api/v1/sites/{id}/sensors/{sensor}/readings}: buckets of one sensor. */
public record History(String siteId, String sensorId, String aggregate, String interval, String timezone,
        List<HistoryPoint> points) {
}
