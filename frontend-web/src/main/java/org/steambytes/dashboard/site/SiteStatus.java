package org.steambytes.dashboard.site;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.steambytes.dashboard.api.Alert;

/**
 * The site's status at a glance, by frontend-api's site-summary rule (docs/API.md "Site summaries"):
 * {@code alerting} with the highest severity while any alert is open or acknowledged (shelved ones
 * too), else {@code stale} when every tile is stale (or there are none), else {@code ok}. The page's
 * script applies the same rule as tiles turn stale and alerts change. Public, as the template reads it.
 */
public record SiteStatus(String status, String severity) {

    static SiteStatus of(List<Tile> tiles, List<Alert> alerts) {
        String worst = alerts.stream().map(Alert::severity).filter(Objects::nonNull)
                .max(Comparator.comparingInt(SitePage::rank)).orElse(null);
        if (!alerts.isEmpty()) {
            return new SiteStatus("alerting", worst);
        }
        return tiles.stream().allMatch(tile -> "stale".equals(tile.state())) ? new SiteStatus("stale", null)
                : new SiteStatus("ok", null);
    }

    public String text() {
        return "alerting".equals(status) && severity != null ? "alerting · " + severity : status;
    }

    /** The badge's class, as the overview colours it. */
    public String css() {
        return "alerting".equals(status) ? "sev-" + severity : "st-" + status;
    }
}
