package org.steambytes.analytics.site;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Read-only lookup of what the analytics step needs from frontend-api's tables (sites, sensors,
 * threshold rules) and its own settings, read afresh each cycle: three queries for all sites.
 */
@Component
public class SiteDirectory {

    private final JdbcClient jdbc;

    SiteDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every site whose analytics are enabled (no settings row: enabled, with the defaults). */
    public List<AnalysedSite> enabledSites() {
        Map<String, List<AnalysedSite.Sensor>> sensors = new HashMap<>();
        jdbc.sql("SELECT site_id, sensor_id, sensor_type, unit, expected_interval_s FROM sensors ORDER BY site_id, sensor_id")
                .query(rs -> {
                    sensors.computeIfAbsent(rs.getString("site_id"), site -> new ArrayList<>()).add(new AnalysedSite.Sensor(
                            rs.getString("sensor_id"), rs.getString("sensor_type"), rs.getString("unit"),
                            rs.getInt("expected_interval_s")));
                });
        Map<String, List<AnalysedSite.ThresholdRule>> thresholds = new HashMap<>();
        jdbc.sql("SELECT site_id, sensor_id, operator, limit_value FROM alert_rules WHERE kind = 'threshold' AND enabled"
                        + " AND sensor_id IS NOT NULL AND limit_value IS NOT NULL ORDER BY created_at")
                .query(rs -> {
                    thresholds.computeIfAbsent(rs.getString("site_id"), site -> new ArrayList<>()).add(
                            new AnalysedSite.ThresholdRule(rs.getString("sensor_id"), "above".equals(rs.getString("operator")),
                                    rs.getDouble("limit_value")));
                });
        return jdbc.sql("SELECT s.site_id, s.name, s.fuel_type, c.* FROM sites s"
                        + " LEFT JOIN analytics_configs c ON c.site_id = s.site_id"
                        + " WHERE coalesce(c.enabled, true) ORDER BY s.site_id")
                .query((rs, row) -> new AnalysedSite(rs.getString(1), rs.getString("name"), rs.getString("fuel_type"),
                        config(rs), sensors.getOrDefault(rs.getString(1), List.of()),
                        thresholds.getOrDefault(rs.getString(1), List.of())))
                .list();
    }

    private static SiteAnalyticsConfig config(ResultSet rs) throws SQLException {
        if (rs.getObject("window_minutes") == null) {
            return SiteAnalyticsConfig.DEFAULTS;
        }
        return new SiteAnalyticsConfig(rs.getBoolean("enabled"), rs.getInt("window_minutes"),
                rs.getDouble("zscore_threshold"), rs.getInt("zscore_consecutive"), rs.getDouble("ewma_lambda"),
                rs.getDouble("ewma_limit_sigma"), rs.getDouble("cusum_k_sigma"), rs.getDouble("cusum_h_sigma"),
                rs.getString("efficiency_basis"), (Double) rs.getObject("calorific_value_mj"),
                (Double) rs.getObject("siegert_a2"), (Double) rs.getObject("siegert_b"), rs.getDouble("dryness"),
                rs.getDouble("blowdown_pct"), (Double) rs.getObject("air_temperature_c"));
    }
}
