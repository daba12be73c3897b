package org.steambytes.alerting.rule;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.steambytes.common.alert.RuleKind;
import org.steambytes.common.alert.Severity;

/**
 * The enabled rules of a site, re-read at most every 5 s: a rule created, changed or disabled through
 * frontend-api takes effect within that time.
 */
@Component
public class AlertRuleDirectory {

    static final Duration FRESH_FOR = Duration.ofSeconds(5);

    private record Cached(List<AlertRule> rules, long readAtMillis) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Map<String, Cached> bySite = new ConcurrentHashMap<>();

    AlertRuleDirectory(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public List<AlertRule> rulesOf(String siteId) {
        long now = clock.millis();
        Cached cached = bySite.get(siteId);
        if (cached == null || now - cached.readAtMillis() > FRESH_FOR.toMillis()) {
            cached = new Cached(read(siteId), now);
            bySite.put(siteId, cached);
        }
        return cached.rules();
    }

    /** Every enabled rule of a kind, across sites (for the silence watch). */
    public List<AlertRule> rulesOfKind(RuleKind kind) {
        return jdbc.sql(SELECT + " WHERE enabled AND kind = ? ORDER BY site_id, rule_id")
                .param(kind.wireName()).query((rs, row) -> map(rs)).list();
    }

    private List<AlertRule> read(String siteId) {
        return jdbc.sql(SELECT + " WHERE enabled AND site_id = ? ORDER BY rule_id")
                .param(siteId).query((rs, row) -> map(rs)).list();
    }

    private static final String SELECT = "SELECT rule_id, site_id, sensor_id, kind, operator, limit_value, deadband,"
            + " delay_s, window_s, samples, severity, name, detector, clear_after_s, floor_pct, method FROM alert_rules";

    private static AlertRule map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new AlertRule(rs.getObject("rule_id", UUID.class), rs.getString("site_id"), rs.getString("sensor_id"),
                RuleKind.of(rs.getString("kind")), rs.getString("operator"), (Double) rs.getObject("limit_value"),
                rs.getDouble("deadband"), rs.getInt("delay_s"), (Integer) rs.getObject("window_s"),
                (Integer) rs.getObject("samples"), Severity.of(rs.getString("severity")), rs.getString("name"),
                rs.getString("detector"), (Integer) rs.getObject("clear_after_s"), (Double) rs.getObject("floor_pct"),
                rs.getString("method"));
    }
}
