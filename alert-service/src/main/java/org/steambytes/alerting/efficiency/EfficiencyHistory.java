package org.steambytes.alerting.efficiency;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** ai-processor's efficiency results of a site ({@code analytics_results}, site-level rows), read only. */
@Component
class EfficiencyHistory {

    /** A site-level row of one kind (matches the unique key's index). */
    private static final String SITE_ROWS = " site_id = ? AND kind = ? AND coalesce(sensor_id, '') = ''";

    private final JdbcClient jdbc;

    EfficiencyHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The newest row and the median ({@code percentile_cont(0.5)}) of the computed values of the 7 days up to it. */
    Optional<LatestEfficiency> latest(String siteId, Efficiency efficiency) {
        return jdbc.sql("SELECT l.window_end, l.value, (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY r.value)"
                        + " FROM analytics_results r WHERE r.site_id = ? AND r.kind = ? AND coalesce(r.sensor_id, '') = ''"
                        + " AND r.value IS NOT NULL AND r.window_end > l.window_end - interval '7 days'"
                        + " AND r.window_end <= l.window_end) AS median"
                        + " FROM (SELECT window_end, value FROM analytics_results WHERE" + SITE_ROWS
                        + " ORDER BY window_end DESC LIMIT 1) l")
                .params(siteId, efficiency.resultKind(), siteId, efficiency.resultKind())
                .query((rs, row) -> new LatestEfficiency(efficiency, rs.getTimestamp("window_end").toInstant(),
                        (Double) rs.getObject("value"), (Double) rs.getObject("median")))
                .optional();
    }

    /**
     * Since when every stored value up to {@code until} has been below {@code boundary}: the window end of
     * the first value after the last one that was not (or was not computed).
     */
    Instant lowSince(String siteId, Efficiency efficiency, Instant until, double boundary) {
        return jdbc.sql("SELECT min(window_end) FROM analytics_results WHERE" + SITE_ROWS + " AND window_end <= ?"
                        + " AND window_end > coalesce((SELECT max(window_end) FROM analytics_results WHERE" + SITE_ROWS
                        + " AND window_end <= ? AND (value IS NULL OR value >= ?)), '-infinity'::timestamptz)")
                .params(siteId, efficiency.resultKind(), Timestamp.from(until), siteId, efficiency.resultKind(),
                        Timestamp.from(until), boundary)
                .query(Timestamp.class).optional().map(Timestamp::toInstant).orElse(until);
    }
}
