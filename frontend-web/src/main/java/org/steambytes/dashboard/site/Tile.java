package org.steambytes.dashboard.site;

import java.util.List;
import org.steambytes.dashboard.api.AlertRule;
import org.steambytes.dashboard.api.LatestReading;
import org.steambytes.dashboard.api.Sensor;

/**
 * One sensor's tile: its latest reading, its threshold limits (drawn on its chart, and colouring the
 * tile when crossed), the severity of its worst active alert and the trend's direction. Public, as
 * the template reads it.
 */
public record Tile(Sensor sensor, LatestReading latest, List<AlertRule> thresholds, String alertSeverity, String trend) {

    /** {@code up}, {@code down}, {@code flat} or empty when unknown. */
    public String arrow() {
        return switch (trend) {
            case "up" -> "↑";
            case "down" -> "↓";
            case "flat" -> "→";
            default -> "";
        };
    }

    /** The CSS state: alarm (an active alert or a crossed threshold), stale, or ok. */
    public String state() {
        if (latest == null || latest.value() == null || latest.stale()) {
            return "stale";
        }
        if (alertSeverity != null || crossed(latest.value())) {
            return "alarm";
        }
        return "ok";
    }

    /** The state in words (colour is not the only cue): an active alert stays named on a stale tile. */
    public String stateText() {
        String state = state();
        if ("alarm".equals(state)) {
            return alertSeverity == null ? "alarm" : "alarm · " + alertSeverity;
        }
        return "stale".equals(state) && alertSeverity != null ? "stale · " + alertSeverity + " alert" : state;
    }

    public boolean crossed(double value) {
        return thresholds.stream().anyMatch(rule -> "above".equals(rule.operator()) ? value > rule.limit()
                : "below".equals(rule.operator()) && value < rule.limit());
    }

    public long tsMs() {
        return latest == null || latest.timestamp() == null ? 0 : latest.timestamp().toEpochMilli();
    }

    public String valueAttribute() {
        return latest == null || latest.value() == null ? "" : Double.toString(latest.value());
    }

    /** {@code above:12.0;below:2.5} for the page's script. */
    public String limitsAttribute() {
        return String.join(";", thresholds.stream().map(rule -> rule.operator() + ":" + rule.limit()).toList());
    }
}
