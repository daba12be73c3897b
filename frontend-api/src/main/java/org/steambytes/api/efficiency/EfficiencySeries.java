package org.steambytes.api.efficiency;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.steambytes.api.caller.ApiCaller;
import org.steambytes.api.site.Sites;
import org.steambytes.api.window.TimeWindow;

/**
 * A site's efficiency over time, for charts: each analysed window's direct ({@code efficiency}) and
 * combustion ({@code combustion_efficiency}) result, read straight from {@code analytics_results}
 * (ai-processor writes them; this service only reads). A value not computed is null, with the reason
 * ai-processor stored.
 */
@Service
public class EfficiencySeries {

    static final Duration DEFAULT_WINDOW = Duration.ofHours(24);
    /** 44,640 windows at the default 60-s interval: a month's chart, not a bulk export. */
    static final Duration LONGEST = Duration.ofDays(31);

    /** The series: windows that ended in {@code [from, to)}, oldest first. */
    public record Series(String siteId, Instant from, Instant to, List<Point> points) {
    }

    /** One window's end and both efficiencies in percent (null: not computed, and why). */
    public record Point(Instant windowEnd, Double directPct, Double combustionPct, String directNotComputed,
            String combustionNotComputed) {
    }

    private final JdbcTemplate jdbc;
    private final Sites sites;
    private final Clock clock;

    EfficiencySeries(JdbcTemplate jdbc, Sites sites, Clock clock) {
        this.jdbc = jdbc;
        this.sites = sites;
        this.clock = clock;
    }

    /** 404 for a site outside the caller's scope; 422 for a bad time or a window over 31 days. */
    @Transactional(readOnly = true)
    public Series read(ApiCaller caller, String siteId, String from, String to) {
        sites.requireVisible(caller, siteId);
        TimeWindow window = TimeWindow.parse(from, to, DEFAULT_WINDOW, LONGEST, clock);
        List<Point> points = jdbc.query("SELECT window_end,"
                        + " max(value) FILTER (WHERE kind = 'efficiency'),"
                        + " max(value) FILTER (WHERE kind = 'combustion_efficiency'),"
                        + " max(details ->> 'not_computed') FILTER (WHERE kind = 'efficiency' AND value IS NULL),"
                        + " max(details ->> 'not_computed') FILTER (WHERE kind = 'combustion_efficiency' AND value IS NULL)"
                        + " FROM analytics_results WHERE site_id = ? AND sensor_id IS NULL"
                        + " AND kind IN ('efficiency', 'combustion_efficiency') AND window_end >= ? AND window_end < ?"
                        + " GROUP BY window_end ORDER BY window_end",
                EfficiencySeries::point, siteId, Timestamp.from(window.from()), Timestamp.from(window.to()));
        return new Series(siteId, window.from(), window.to(), points);
    }

    private static Point point(ResultSet rs, int rowNum) throws SQLException {
        return new Point(rs.getTimestamp(1).toInstant(), (Double) rs.getObject(2), (Double) rs.getObject(3),
                rs.getString(4), rs.getString(5));
    }
}
