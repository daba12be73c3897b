package org.steambytes.dashboard.api;

import java.util.List;

/** {@code GET /api/v1/sites/{id}/readings?sensor_id=…}: several sensors' buckets over one window, in the order asked. */
public record SiteHistories(String siteId, String aggregate, String interval, String timezone, List<History> histories) {
}
