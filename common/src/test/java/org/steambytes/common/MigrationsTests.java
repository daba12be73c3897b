package org.steambytes.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.steambytes.testsupport.RealStores;

/** db/migrations applies to an empty real PostgreSQL, also when several services start at once. */
class MigrationsTests {

    @Test
    void concurrentStartsMigrateAnEmptyDatabaseExactlyOnce() throws Exception {
        String database = RealStores.createEmptyDatabase("migrations");
        List<CompletableFuture<MigrateResult>> starts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            starts.add(CompletableFuture.supplyAsync(() -> flyway(database).migrate()));
        }
        int applied = 0;
        for (CompletableFuture<MigrateResult> start : starts) {
            MigrateResult result = start.get();
            assertThat(result.success).isTrue();
            applied += result.migrationsExecuted;
        }
        assertThat(applied).as("each migration applied once across all starts")
                .isEqualTo(flyway(database).info().applied().length);

        try (Connection connection = DriverManager.getConnection(RealStores.jdbcUrl(database),
                RealStores.postgresUser(), RealStores.postgresPassword())) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = connection.getMetaData().getTables(null, "public", "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME"));
                }
            }
            assertThat(tables).contains("users", "user_site_access", "api_keys", "sites", "sensors", "gateways",
                    "ingestion_logs", "analytics_configs", "analytics_results", "anomalies", "alert_rules", "alerts",
                    "alert_events", "notification_outbox", "maintenance_windows")
                    .doesNotContain("shedlock");
        }
    }

    @Test
    void refusesRowsThatBreakTheDomainRules() throws Exception {
        String database = RealStores.createEmptyDatabase("constraints");
        flyway(database).migrate();
        try (Connection connection = DriverManager.getConnection(RealStores.jdbcUrl(database),
                RealStores.postgresUser(), RealStores.postgresPassword());
             var statement = connection.createStatement()) {
            statement.execute("INSERT INTO sites (site_id, name) VALUES ('plant-a', 'Plant A')");
            assertRefused(statement, "INSERT INTO sites (site_id, name) VALUES ('Plant A', 'bad slug')");
            assertRefused(statement, "INSERT INTO sensors (site_id, sensor_id, sensor_type, unit, min_valid, max_valid)"
                    + " VALUES ('plant-a', 'p1', 'steam_pressure', 'bar', 10, 5)");
            assertRefused(statement, "INSERT INTO sensors (site_id, sensor_id, sensor_type, unit, min_valid, max_valid)"
                    + " VALUES ('plant-x', 'p1', 'steam_pressure', 'bar', -1, 250)");
            statement.execute("INSERT INTO sensors (site_id, sensor_id, sensor_type, unit, min_valid, max_valid)"
                    + " VALUES ('plant-a', 'p1', 'steam_pressure', 'bar', -1, 250)");
            statement.execute("INSERT INTO alert_rules (rule_id, site_id, sensor_id, kind, operator, limit_value, severity)"
                    + " VALUES ('00000000-0000-0000-0000-000000000001', 'plant-a', 'p1', 'threshold', 'above', 12, 'high')");
            String openAlert = "INSERT INTO alerts (alert_id, site_id, sensor_id, rule_id, kind, state, severity, message,"
                    + " opened_at) VALUES ('%s', 'plant-a', 'p1', '00000000-0000-0000-0000-000000000001', 'threshold',"
                    + " 'open', 'high', 'over limit', now())";
            statement.execute(openAlert.formatted("00000000-0000-0000-0000-00000000000a"));
            assertRefused(statement, openAlert.formatted("00000000-0000-0000-0000-00000000000b"));
            assertRefused(statement, "INSERT INTO alert_rules (rule_id, site_id, sensor_id, kind, severity)"
                    + " VALUES ('00000000-0000-0000-0000-000000000002', 'plant-a', 'p1', 'threshold', 'high')");
        }
    }

    private static void assertRefused(java.sql.Statement statement, String sql) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> statement.execute(sql))
                .isInstanceOf(java.sql.SQLException.class);
    }

    private static Flyway flyway(String database) {
        return Flyway.configure()
                .dataSource(RealStores.jdbcUrl(database), RealStores.postgresUser(), RealStores.postgresPassword())
                .locations("classpath:db/migration")
                .load();
    }
}
