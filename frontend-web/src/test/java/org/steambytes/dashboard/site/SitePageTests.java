package org.steambytes.dashboard.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.steambytes.dashboard.api.Alert;
import org.steambytes.dashboard.api.AlertRule;
import org.steambytes.dashboard.api.Analytics;
import org.steambytes.dashboard.api.LatestReading;
import org.steambytes.dashboard.api.Sensor;

class SitePageTests {

    private static final Sensor PRESSURE = new Sensor("b1-steam-pressure", "steam_pressure", "bar", -1, 250, 10, null);
    private static final Sensor O2 = new Sensor("b1-o2", "flue_gas_o2", "%", 0, 21, 10, "Flue gas O2");

    @Test
    void colorsATileByItsActiveAlertsCrossedThresholdsAndStaleness() {
        Instant now = Instant.parse("2026-11-27T10:00:00Z");
        AlertRule above12 = new AlertRule(UUID.randomUUID(), PRESSURE.sensorId(), "threshold", "above", 12.0, "high", true, null);
        AlertRule disabled = new AlertRule(UUID.randomUUID(), O2.sensorId(), "threshold", "below", 50.0, "high", false, null);
        List<Tile> tiles = SitePage.tiles(List.of(PRESSURE, O2),
                List.of(new LatestReading(PRESSURE.sensorId(), "steam_pressure", 12.6, "bar", now, false),
                        new LatestReading(O2.sensorId(), "flue_gas_o2", 3.1, "%", now, true)),
                List.of(above12, disabled), List.of(), null);

        assertThat(tiles.get(0).state()).isEqualTo("alarm");
        assertThat(tiles.get(0).limitsAttribute()).isEqualTo("above:12.0");
        assertThat(tiles.get(1).state()).isEqualTo("stale");
        assertThat(tiles.get(1).thresholds()).as("a disabled rule draws nothing").isEmpty();
        assertThat(tiles.get(1).sensor().label()).isEqualTo("Flue gas O2");
    }

    @Test
    void takesTheWorstActiveAlertOfTheSensorAndTheTrendFromTheAnalytics() {
        Alert medium = alert(PRESSURE.sensorId(), "medium");
        Alert critical = alert(PRESSURE.sensorId(), "critical");
        assertThat(SitePage.worstSeverity(List.of(medium, critical, alert("b1-o2", "high")), PRESSURE.sensorId()))
                .isEqualTo("critical");
        assertThat(SitePage.trend(new Analytics.SensorTrend("x", 10.0, 0.5, null, null))).isEqualTo("up");
        assertThat(SitePage.trend(new Analytics.SensorTrend("x", 10.0, -0.5, null, null))).isEqualTo("down");
        assertThat(SitePage.trend(new Analytics.SensorTrend("x", 10.0, 0.05, null, null))).isEqualTo("flat");
        assertThat(SitePage.trend(null)).isEmpty();
    }

    @Test
    void theSiteIsAlertingByItsWorstActiveAlertElseStaleWhenEveryTileIsElseOk() {
        Instant now = Instant.now();
        List<Tile> fresh = SitePage.tiles(List.of(PRESSURE, O2),
                List.of(new LatestReading(PRESSURE.sensorId(), "steam_pressure", 10.0, "bar", now, false),
                        new LatestReading(O2.sensorId(), "flue_gas_o2", 3.1, "%", now, true)), List.of(), List.of(), null);
        List<Tile> silent = SitePage.tiles(List.of(PRESSURE), List.of(), List.of(), List.of(), null);

        SiteStatus alerting = SiteStatus.of(silent, List.of(alert("b1-o2", "medium"), alert(PRESSURE.sensorId(), "critical")));
        assertThat(alerting.text()).isEqualTo("alerting · critical");
        assertThat(alerting.css()).isEqualTo("sev-critical");
        assertThat(SiteStatus.of(silent, List.of()).text()).isEqualTo("stale");
        assertThat(SiteStatus.of(List.of(), List.of()).css()).as("no sensors: stale, as frontend-api says").isEqualTo("st-stale");
        assertThat(SiteStatus.of(fresh, List.of()).text()).as("one sensor still reporting").isEqualTo("ok");
    }

    private static Alert alert(String sensor, String severity) {
        return new Alert(UUID.randomUUID(), "plant-a", sensor, UUID.randomUUID(), "threshold", "open", severity,
                Instant.now(), 1.0, 1.0, "m", null, null, null, null, null);
    }
}
