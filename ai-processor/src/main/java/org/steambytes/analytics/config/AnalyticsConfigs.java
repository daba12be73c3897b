package org.steambytes.analytics.config;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.steambytes.common.problem.ProblemException;
import tools.jackson.databind.JsonNode;

/**
 * A site's analytics settings ({@code analytics_configs}, which this package alone writes), as the
 * internal API shows and changes them: a JSON object named by the columns, with {@code site_id} and
 * {@code updated_at}. A site without a row has the columns' defaults, read from the table's definition
 * in PostgreSQL, so the migrations stay the one place that states them.
 */
@Service
public class AnalyticsConfigs {

    private static final String COLUMNS = Arrays.stream(ConfigField.values()).map(ConfigField::column)
            .collect(Collectors.joining(", "));

    private final JdbcTemplate jdbc;
    private final Clock clock;

    AnalyticsConfigs(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The site's settings, or the defaults ({@code updated_at} null) when it has no row; 404 for an unknown site. */
    @Transactional(readOnly = true)
    public Map<String, Object> of(String siteId) {
        requireSite(siteId);
        List<Map<String, Object>> rows = jdbc.query("SELECT site_id, " + COLUMNS + ", updated_at FROM analytics_configs"
                + " WHERE site_id = ?", AnalyticsConfigs::row, siteId);
        if (!rows.isEmpty()) {
            return rows.get(0);
        }
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("site_id", siteId);
        defaults.putAll(defaults());
        defaults.put("updated_at", null);
        return defaults;
    }

    /**
     * What a row inserted with nothing but its site would hold: each column's DEFAULT expression as the
     * table defines it now, evaluated by PostgreSQL (a column without one: null). Nothing is inserted.
     */
    @Transactional(readOnly = true)
    public Map<String, Object> defaults() {
        Map<String, String> expressions = new LinkedHashMap<>();
        jdbc.query("SELECT a.attname, format_type(a.atttypid, a.atttypmod), pg_get_expr(d.adbin, d.adrelid)"
                + " FROM pg_attribute a JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
                + " WHERE a.attrelid = 'analytics_configs'::regclass AND a.attnum > 0 AND NOT a.attisdropped",
                rs -> {
                    expressions.put(rs.getString(1), "CAST((" + rs.getString(3) + ") AS " + rs.getString(2) + ")");
                });
        // The expressions come from the catalog and the names from ConfigField, never from a request.
        String select = Arrays.stream(ConfigField.values())
                .map(field -> expressions.getOrDefault(field.column(), "NULL") + " AS " + field.column())
                .collect(Collectors.joining(", "));
        return jdbc.queryForObject("SELECT " + select, (rs, rowNum) -> fields(rs));
    }

    /**
     * Changes the fields the body gives (422 naming every wrong one; the others keep their stored or
     * default value), inserting the site's row if it has none, and answers the settings as stored.
     */
    @Transactional
    public Map<String, Object> change(String siteId, JsonNode body) {
        requireSite(siteId);
        Map<ConfigField, Object> changes = ConfigChanges.parse(siteId, body);
        List<Object> args = new ArrayList<>(List.of(siteId, Timestamp.from(clock.instant())));
        StringBuilder columns = new StringBuilder("site_id, updated_at");
        StringBuilder values = new StringBuilder("?, ?");
        StringBuilder updates = new StringBuilder("updated_at = excluded.updated_at");
        changes.forEach((field, value) -> {
            columns.append(", ").append(field.column());
            values.append(", ?");
            updates.append(", ").append(field.column()).append(" = excluded.").append(field.column());
            args.add(value);
        });
        try {
            return jdbc.queryForObject("INSERT INTO analytics_configs (" + columns + ") VALUES (" + values + ")"
                    + " ON CONFLICT (site_id) DO UPDATE SET " + updates
                    + " RETURNING site_id, " + COLUMNS + ", updated_at", AnalyticsConfigs::row, args.toArray());
        } catch (DataIntegrityViolationException e) {
            // The site was deleted meanwhile (its row's reference fails).
            if (!siteExists(siteId)) {
                throw siteNotFound(siteId);
            }
            throw e;
        }
    }

    private void requireSite(String siteId) {
        if (!siteExists(siteId)) {
            throw siteNotFound(siteId);
        }
    }

    private boolean siteExists(String siteId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM sites WHERE site_id = ?)",
                Boolean.class, siteId));
    }

    private static ProblemException siteNotFound(String siteId) {
        return ProblemException.of(HttpStatus.NOT_FOUND, "site_not_found", "No site '" + siteId + "'.");
    }

    private static Map<String, Object> row(ResultSet rs, int rowNum) throws SQLException {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("site_id", rs.getString("site_id"));
        config.putAll(fields(rs));
        config.put("updated_at", rs.getTimestamp("updated_at").toInstant());
        return config;
    }

    private static Map<String, Object> fields(ResultSet rs) throws SQLException {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (ConfigField field : ConfigField.values()) {
            Object value = switch (field.type()) {
                case BOOLEAN -> rs.getBoolean(field.column());
                case INTEGER -> rs.getInt(field.column());
                case NUMBER -> rs.getDouble(field.column());
                case TEXT -> rs.getString(field.column());
            };
            fields.put(field.column(), rs.wasNull() ? null : value);
        }
        return fields;
    }
}
