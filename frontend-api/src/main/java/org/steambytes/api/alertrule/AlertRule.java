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

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected AlertRule() {
    }
}
