package org.steambytes.dashboard.site;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.steambytes.dashboard.api.Alert;
import org.steambytes.dashboard.api.AlertRule;
import org.steambytes.dashboard.api.Analytics;
import org.steambytes.dashboard.api.LatestReading;
import org.steambytes.dashboard.api.Sensor;

/** Builds the tiles of a site from frontend-api's sensors, latest values, rules, active alerts and analytics. */
final class SitePage {

    /** A trend is shown as rising or falling when the fitted slope moves the value by 1 % of its mean in an hour. */
    static final double FLAT_FRACTION_PER_HOUR = 0.01;

    private SitePage() {
    }

    static List<Tile> tiles(List<Sensor> sensors, List<LatestReading> latest, List<AlertRule> rules, List<Alert> alerts,
            Analytics analytics) {
        Map<String, LatestReading> latestBySensor = latest.stream()
                .collect(Collectors.toMap(LatestReading::sensorId, Function.identity(), (a, b) -> a));
        Map<String, Analytics.SensorTrend> trends = analytics == null || analytics.sensors() == null ? Map.of()
                : analytics.sensors().stream().collect(Collectors.toMap(Analytics.SensorTrend::sensorId,
                        Function.identity(), (a, b) -> a));
        return sensors.stream().map(sensor -> new Tile(sensor, latestBySensor.get(sensor.sensorId()),
                rules.stream().filter(AlertRule::isThreshold)
                        .filter(rule -> sensor.sensorId().equals(rule.sensorId())).toList(),
                worstSeverity(alerts, sensor.sensorId()), trend(trends.get(sensor.sensorId()))))
                .toList();
    }

    static String worstSeverity(List<Alert> alerts, String sensorId) {
        return alerts.stream().filter(alert -> sensorId.equals(alert.sensorId())).map(Alert::severity)
                .filter(Objects::nonNull).max(Comparator.comparingInt(SitePage::rank)).orElse(null);
    }

    static String trend(Analytics.SensorTrend trend) {
        if (trend == null || trend.slopePerHour() == null) {
            return "";
        }
        double scale = trend.mean() == null || trend.mean() == 0 ? 1 : Math.abs(trend.mean());
        double perHour = trend.slopePerHour() / scale;
        return Math.abs(perHour) < FLAT_FRACTION_PER_HOUR ? "flat" : perHour > 0 ? "up" : "down";
    }

    static int rank(String severity) {
        return switch (severity) {
            case "critical" -> 4;
            case "high" -> 3;
            case "medium" -> 2;
            case "low" -> 1;
            default -> 0;
        };
    }
}
