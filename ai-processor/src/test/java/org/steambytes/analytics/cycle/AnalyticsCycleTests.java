package org.steambytes.analytics.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.steambytes.analytics.efficiency.SteamTables;
import org.steambytes.analytics.result.LatestResults;
import org.steambytes.common.reading.Reading;
import org.steambytes.common.reading.ReadingStore;
import org.steambytes.common.redis.RedisKeys;
import org.steambytes.testsupport.Fixtures;
import org.steambytes.testsupport.RealStores;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A synthetic hour of a boiler's readings written through the reading store (real InfluxDB), one
 * cycle, and what it stored in PostgreSQL and cached in Redis.
 */
@SpringBootTest(properties = "steambytes.analytics.enabled=false")
class AnalyticsCycleTests {

    /** The cycle at 11:00:30 analyses [10:00, 11:00). */
    private static final Instant NOW = Instant.parse("2026-11-27T11:00:30Z");
    private static final Instant WINDOW_START = Instant.parse("2026-11-27T10:00:00Z");
    private static final Instant WINDOW_END = Instant.parse("2026-11-27T11:00:00Z");

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        RealStores.register(registry);
        registry.add("steambytes.internal.token", () -> "analytics-test-token-0123456789");
    }

    @Autowired
    AnalyticsCycle cycle;

    @Autowired
    ReadingStore store;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    JsonMapper json;

    @Autowired
    LatestResults latest;

    @Test
    void analysesAnHourOfABoilerAndStoresAndCachesTheResults() {
        String site = boiler(36.0);
        Fixtures.execute("INSERT INTO alert_rules (rule_id, site_id, sensor_id, kind, operator, limit_value, deadband,"
                + " delay_s, severity) VALUES ('" + UUID.randomUUID() + "', '" + site + "', 'b1-conductivity', 'threshold',"
                + " 'above', 2500, 0, 0, 'medium')");
        writeHour(site);

        AnalyticsCycle.Outcome outcome = cycle.cycle(NOW);

        assertThat(outcome.windowEnd()).isEqualTo(WINDOW_END);
        assertThat(outcome.failed()).isFalse();
        assertThat(outcome.analysed()).contains(site);
        assertThat(value(site, "efficiency", null)).as("direct, feedwater at the steam pressure")
                .isCloseTo(86.65, within(0.01));
        assertThat(value(site, "combustion_efficiency", null)).isCloseTo(92.69, within(0.01));
        assertThat(value(site, "window_stats", "b1-steam-flow")).isCloseTo(10_000, within(1e-9));
        assertThat(Fixtures.countText(details(site, "window_stats", "b1-steam-flow", "->>'count'"))).isEqualTo("360");
        // conductivity rises 60 µS/cm per hour from 2000: the fitted line reaches 2500 after (2500 − 2059.83) / 60 h.
        assertThat(value(site, "trend", "b1-conductivity")).isCloseTo(60, within(1e-6));
        double fittedNow = 2000 + 60 * (3590 / 3600.0);
        assertThat(value(site, "time_to_threshold", "b1-conductivity")).isCloseTo((2500 - fittedNow) / 60, within(1e-6));
        assertThat(Fixtures.count("SELECT count(*) FROM analytics_results WHERE site_id = '" + site
                + "' AND kind = 'time_to_threshold' AND window_end = '" + WINDOW_END + "'")).as("only where a rule gives a limit")
                .isEqualTo(1);
        assertThat(Fixtures.countText(details(site, "efficiency", null, "->'inputs'->'fuel_flow'->>'mean'")))
                .isEqualTo("750.0");

        String cached = redis.opsForValue().get(RedisKeys.analytics(site));
        assertThat(cached).isNotNull();
        assertThat(redis.getExpire(RedisKeys.analytics(site))).isBetween(1700L, 1800L);
        JsonNode snapshot = json.readTree(cached);
        assertThat(snapshot.path("site_id").asString()).isEqualTo(site);
        assertThat(snapshot.path("window").path("from").asString()).isEqualTo("2026-11-27T10:00:00Z");
        assertThat(snapshot.path("stale").asBoolean()).isFalse();
        assertThat(snapshot.path("efficiency").path("direct").path("value_pct").asDouble()).isCloseTo(86.65, within(0.01));
        assertThat(snapshot.path("efficiency").path("direct").path("basis").asString()).isEqualTo("net");
        assertThat(snapshot.path("sensors")).hasSize(8);

        redis.delete(RedisKeys.analytics(site));
        assertThat(json.readTree(latest.of(site).orElseThrow())).as("rebuilt from PostgreSQL when the cache is cold")
                .isEqualTo(snapshot);
        assertThat(redis.getExpire(RedisKeys.analytics(site))).as("and cached again").isBetween(1700L, 1800L);
        assertThat(latest.of("never-analysed-" + site)).isEmpty();
    }

    @Test
    void analysesAWindowOnceHoweverOftenAndByHowManyReplicasItRuns() throws Exception {
        String site = boiler(36.0);
        writeHour(site);
        Instant now = NOW.plus(Duration.ofHours(1));
        store.write(List.of(new Reading(site, "b1-steam-flow", "steam_flow", 10_000, WINDOW_END.plusSeconds(5))));

        CompletableFuture<AnalyticsCycle.Outcome> first = CompletableFuture.supplyAsync(() -> cycle.cycle(now));
        CompletableFuture<AnalyticsCycle.Outcome> second = CompletableFuture.supplyAsync(() -> cycle.cycle(now));
        List<String> analysed = new ArrayList<>(first.get().analysed());
        analysed.addAll(second.get().analysed());
        analysed.addAll(cycle.cycle(now).analysed());

        assertThat(analysed).as("two concurrent cycles and a repeat analyse the site once").containsOnlyOnce(site);

        String window = "site_id = '" + site + "' AND window_end = '" + WINDOW_END.plus(Duration.ofHours(1)) + "'";
        assertThat(Fixtures.count("SELECT count(*) FROM analytics_runs WHERE " + window)).isEqualTo(1);
        assertThat(Fixtures.count("SELECT count(*) FROM analytics_results WHERE " + window
                + " AND kind = 'window_stats' AND sensor_id = 'b1-steam-flow'")).isEqualTo(1);
    }

    @Test
    void saysWhyAnEfficiencyIsNotComputedAndFlagsASiteWithoutReadingsStale() {
        String noCalorificValue = boiler(null);
        writeHour(noCalorificValue);
        String silent = boiler(36.0);

        cycle.cycle(NOW);

        assertThat(Fixtures.countText(details(noCalorificValue, "efficiency", null, "->>'not_computed'")))
                .isEqualTo("no calorific value configured for the site");
        assertThat(Fixtures.countText("SELECT value IS NULL FROM analytics_results WHERE site_id = '" + noCalorificValue
                + "' AND kind = 'efficiency' AND window_end = '" + WINDOW_END + "'")).isEqualTo("t");
        assertThat(Fixtures.countText(details(silent, "combustion_efficiency", null, "->>'not_computed'")))
                .isEqualTo("flue_gas_temperature b1-flue-gas-temp has no reading in the window");
        assertThat(Fixtures.count("SELECT count(*) FROM analytics_results WHERE site_id = '" + silent
                + "' AND kind = 'stale_sensor' AND window_end = '" + WINDOW_END + "'")).isEqualTo(8);
        JsonNode snapshot = json.readTree(redis.opsForValue().get(RedisKeys.analytics(silent)));
        assertThat(snapshot.path("stale").asBoolean()).isTrue();
        redis.delete(RedisKeys.analytics(silent));
        assertThat(json.readTree(latest.of(silent).orElseThrow())).isEqualTo(snapshot);
    }

    /** A boiler with the sensors both efficiencies need and a conductivity sensor; null: no calorific value. */
    private static String boiler(Double calorificValueMj) {
        String site = Fixtures.boilerHouse().siteId();
        sensor(site, "b1-steam-flow", "steam_flow", "kg/h");
        sensor(site, "b1-feedwater-temp", "feedwater_temperature", "°C");
        sensor(site, "b1-fuel-flow", "fuel_flow", "Nm³/h");
        sensor(site, "b1-ambient", "ambient_temperature", "°C");
        sensor(site, "b1-conductivity", "conductivity", "µS/cm");
        if (calorificValueMj != null) {
            Fixtures.execute("INSERT INTO analytics_configs (site_id, calorific_value_mj) VALUES ('" + site + "', "
                    + calorificValueMj + ")");
        }
        return site;
    }

    private static void sensor(String site, String sensorId, String type, String unit) {
        Fixtures.addSensor(site, new Fixtures.SensorFixture(sensorId, type, unit, -1000, 100_000));
    }

    /** One reading every 10 s from 10:00:00 to 10:59:50: docs/DOMAIN.md's reference boiler, conductivity rising. */
    private void writeHour(String site) {
        List<Reading> readings = new ArrayList<>();
        for (int s = 0; s < 3600; s += 10) {
            Instant at = WINDOW_START.plusSeconds(s);
            readings.add(new Reading(site, "b1-steam-flow", "steam_flow", 10_000, at));
            readings.add(new Reading(site, "b1-steam-pressure", "steam_pressure", 11.0 - SteamTables.ATMOSPHERE_BAR, at));
            readings.add(new Reading(site, "b1-feedwater-temp", "feedwater_temperature", 105, at));
            readings.add(new Reading(site, "b1-fuel-flow", "fuel_flow", 750, at));
            readings.add(new Reading(site, "b1-flue-gas-temp", "flue_gas_temperature", 180, at));
            readings.add(new Reading(site, "b1-ambient", "ambient_temperature", 20, at));
            readings.add(new Reading(site, "b1-o2", "flue_gas_o2", 3.0, at));
            readings.add(new Reading(site, "b1-conductivity", "conductivity", 2000 + 60 * (s / 3600.0), at));
        }
        store.write(readings);
    }

    private static double value(String site, String kind, String sensorId) {
        return Double.parseDouble(Fixtures.countText("SELECT value FROM analytics_results WHERE site_id = '" + site
                + "' AND kind = '" + kind + "' AND " + (sensorId == null ? "sensor_id IS NULL" : "sensor_id = '" + sensorId + "'")
                + " AND window_end = '" + WINDOW_END + "'"));
    }

    private static String details(String site, String kind, String sensorId, String path) {
        return "SELECT details" + path + " FROM analytics_results WHERE site_id = '" + site + "' AND kind = '" + kind + "' AND "
                + (sensorId == null ? "sensor_id IS NULL" : "sensor_id = '" + sensorId + "'") + " AND window_end = '"
                + WINDOW_END + "'";
    }
}
