package org.steambytes.alerting.state;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.steambytes.alerting.rule.AlertRule;
import tools.jackson.databind.json.JsonMapper;

/**
 * One site's alerting state as kept in the Redis hash {@code alert_service:state:site:{site_id}}:
 * {@code rule:{rule_id}:{sensor_id}} → the rule's {@link RuleState} (JSON), {@code seen:{sensor_id}} →
 * when a reading of it last arrived, {@code lost} → the active site-lost alert, {@code tracked_since} → when this
 * state began (after a Redis loss: when it was rebuilt). Changes are collected and written back at once.
 */
public final class SiteState {

    static final String TRACKED_SINCE = "tracked_since";
    static final String LOST = "lost";

    private final String siteId;
    private final Map<String, String> fields;
    private final Set<String> changed = new HashSet<>();
    private final Set<String> removed = new HashSet<>();
    private final JsonMapper json;

    SiteState(String siteId, Map<String, String> fields, JsonMapper json) {
        this.siteId = siteId;
        this.fields = new HashMap<>(fields);
        this.json = json;
    }

    public String siteId() {
        return siteId;
    }

    public RuleState rule(AlertRule rule) {
        String value = fields.get(ruleField(rule.stateKey()));
        return value == null ? RuleState.INITIAL : json.readValue(value, RuleState.class);
    }

    public void rule(AlertRule rule, RuleState state) {
        put(ruleField(rule.stateKey()), json.writeValueAsString(state));
    }

    /** Drops what a rule remembered for a sensor (the rule is gone or disabled). */
    public void forgetRule(java.util.UUID ruleId, String sensorId) {
        String field = ruleField(AlertRule.stateKey(ruleId, sensorId));
        fields.remove(field);
        changed.remove(field);
        removed.add(field);
    }

    /** When a reading of the sensor last arrived, or when tracking began if none arrived since. */
    public long lastSeen(String sensorId) {
        String seen = fields.get("seen:" + sensorId);
        return seen != null ? Long.parseLong(seen) : trackedSince();
    }

    public void seen(String sensorId, long ts) {
        String previous = fields.get("seen:" + sensorId);
        if (previous == null || Long.parseLong(previous) < ts) {
            put("seen:" + sensorId, Long.toString(ts));
        }
    }

    public long trackedSince() {
        return Long.parseLong(fields.get(TRACKED_SINCE));
    }

    public String lostAlertId() {
        return fields.get(LOST);
    }

    public void lost(String alertId) {
        if (alertId == null) {
            fields.remove(LOST);
            changed.remove(LOST);
            removed.add(LOST);
        } else {
            put(LOST, alertId);
        }
    }

    /**
     * Takes the alerts and rule states of {@code rebuilt} (from PostgreSQL) in place of its own, keeping
     * the reading times seen and when tracking began.
     */
    void replaceWith(SiteState rebuilt) {
        for (String field : Set.copyOf(fields.keySet())) {
            if (!field.startsWith("seen:") && !field.equals(TRACKED_SINCE) && !rebuilt.fields.containsKey(field)) {
                fields.remove(field);
                changed.remove(field);
                removed.add(field);
            }
        }
        rebuilt.fields.forEach((field, value) -> {
            if (!field.equals(TRACKED_SINCE)) {
                put(field, value);
            }
        });
    }

    static String ruleField(String stateKey) {
        return "rule:" + stateKey;
    }

    void put(String field, String value) {
        fields.put(field, value);
        changed.add(field);
        removed.remove(field);
    }

    Map<String, String> changes() {
        Map<String, String> changes = new HashMap<>();
        changed.forEach(field -> changes.put(field, fields.get(field)));
        return changes;
    }

    Set<String> removals() {
        return removed;
    }
}
