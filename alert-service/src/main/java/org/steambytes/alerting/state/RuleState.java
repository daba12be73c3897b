package org.steambytes.alerting.state;

import java.util.List;

/**
 * What a rule remembers about one sensor between readings: whether its alert is active (and which),
 * since when the condition has held without an alert yet, or has been clear with one
 * ({@code pendingSince}, for the on- and off-delay),
 * the newest reading time seen ({@code lastTs}; older or equal readings are ignored, so a re-delivered
 * batch changes nothing) and the recent readings a rate or frozen rule needs.
 */
public record RuleState(boolean active, String alertId, Long pendingSince, Long lastTs, List<Sample> window) {

    public static final RuleState INITIAL = new RuleState(false, null, null, null, List.of());

    public static RuleState activeAlert(String alertId) {
        return new RuleState(true, alertId, null, null, List.of());
    }

    /** Nothing active and nothing pending, the readings seen kept: an alert that was not to be opened. */
    public RuleState withoutAlert() {
        return new RuleState(false, null, null, lastTs, window);
    }

    public RuleState withAlertId(String id) {
        return new RuleState(active, id, pendingSince, lastTs, window);
    }
}
