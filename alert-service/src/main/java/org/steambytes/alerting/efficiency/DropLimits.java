package org.steambytes.alerting.efficiency;

import java.time.Duration;
import java.util.Locale;
import org.steambytes.alerting.rule.AlertRule;

/**
 * The arithmetic of an {@code efficiency_drop} rule. An efficiency is low below its boundary: the larger
 * of the floor ({@code floor_pct}) and the 7-day median − {@code limit} points, whichever the rule sets.
 * Low for at least {@code delay_s} (every stored value) → the alert opens; back above the boundary by the
 * deadband → it resolves; between the two nothing changes.
 */
final class DropLimits {

    /** What one efficiency says about a rule now. */
    enum Verdict {
        /** No value, not computed, or no median to compare with: never a transition. */
        UNKNOWN,
        /** Low for at least the on-delay. */
        LOW,
        /** Low, not yet for the on-delay. */
        LOW_PENDING,
        /** Not low, but not back past the deadband either. */
        WITHIN_DEADBAND,
        /** Back above the boundary by the deadband. */
        CLEAR
    }

    private DropLimits() {
    }

    /** The boundary in percent, or null when the rule's limit needs a median there is none of (and it has no floor). */
    static Double boundary(AlertRule rule, Double median) {
        Double belowMedian = rule.limit() == null || median == null ? null : median - rule.limit();
        if (rule.floorPct() == null) {
            return belowMedian;
        }
        return belowMedian == null ? rule.floorPct() : Math.max(belowMedian, rule.floorPct());
    }

    static boolean low(double value, double boundary) {
        return value < boundary;
    }

    /** @param lowFor how long every stored value has been low (only asked for when the latest is low) */
    static Verdict verdict(AlertRule rule, double value, double boundary, Duration lowFor) {
        if (low(value, boundary)) {
            return lowFor.compareTo(Duration.ofSeconds(rule.delayS())) >= 0 ? Verdict.LOW : Verdict.LOW_PENDING;
        }
        return value > boundary + rule.deadband() ? Verdict.CLEAR : Verdict.WITHIN_DEADBAND;
    }

    /**
     * "direct efficiency 80.1 % is 6.5 points below its 7-day median 86.6 % (limit 5 points)", or, when the
     * floor is what it fell below, "combustion efficiency 78.0 % is below its floor 80 % (7-day median 86.6 %)".
     */
    static String message(AlertRule rule, LatestEfficiency latest) {
        double value = latest.value();
        String name = latest.efficiency().label() + " efficiency " + percent(value) + " %";
        Double median = latest.median();
        if (rule.limit() != null && median != null && value < median - rule.limit()) {
            return name + " is " + percent(median - value) + " points below its 7-day median " + percent(median)
                    + " % (limit " + number(rule.limit()) + " points)";
        }
        return name + " is below its floor " + number(rule.floorPct()) + " %"
                + (median == null ? "" : " (7-day median " + percent(median) + " %)");
    }

    private static String percent(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String number(Double value) {
        return value == null ? "-" : String.format(Locale.ROOT, "%.2f", value).replaceAll("\\.?0+$", "");
    }
}
