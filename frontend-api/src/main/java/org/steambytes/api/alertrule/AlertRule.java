package org.steambytes.api.alertrule;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A condition on a sensor (or a whole site) that opens an alert; evaluated by alert-service. */
@Entity
@Table(name = "alert_rules")
class AlertRule {

    @Id
    @Column(name = "rule_id")
    private UUID ruleId;

    @Column(name = "site_id", nullable = false, length = 63)
    private String siteId;

    @Column(name = "sensor_id", length = 63)
    private String sensorId;

    @Column(nullable = false, length = 20)
    private String kind;

    @Column(length = 8)
    private String operator;

    @Column(name = "limit_value")
    private Double limit;

    @Column(nullable = false)
    private double deadband;

    @Column(name = "delay_s", nullable = false)
    private int delaySeconds;

    @Column(name = "window_s")
    private Integer windowSeconds;

    @Column(name = "samples")
    private Integer samples;

    @Column(nullable = false, length = 10)
    private String severity;

    @Column(nullable = false)
    private boolean enabled;

    @Column(length = 200)
    private String name;

    @Column(length = 16)
    private String detector;

    @Column(name = "clear_after_s")
    private Integer clearAfterSeconds;

    @Column(name = "floor_pct")
    private Double floorPct;

    @Column(length = 12)
    private String method;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected AlertRule() {
    }

    AlertRule(UUID ruleId, String siteId, Instant now) {
        this.ruleId = ruleId;
        this.siteId = siteId;
        this.createdAt = now;
    }

    void update(RuleSpec spec, Instant now) {
        this.sensorId = spec.sensorId();
        this.kind = spec.kind();
        this.operator = spec.operator();
        this.limit = spec.limit();
        this.deadband = spec.deadband();
        this.delaySeconds = spec.delayS();
        this.windowSeconds = spec.windowS();
        this.samples = spec.samples();
        this.severity = spec.severity();
        this.enabled = spec.enabled();
        this.name = spec.name();
        this.detector = spec.detector();
        this.clearAfterSeconds = spec.clearAfterS();
        this.floorPct = spec.floorPct();
        this.method = spec.method();
        this.updatedAt = now;
    }

    AlertRuleView view() {
        return new AlertRuleView(ruleId, siteId, sensorId, kind, operator, limit, deadband, delaySeconds, windowSeconds,
                samples, severity, enabled, name, detector, clearAfterSeconds, floorPct, method, createdAt, updatedAt);
    }
}
