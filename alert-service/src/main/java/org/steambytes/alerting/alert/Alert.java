package org.steambytes.alerting.alert;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An alert's life: open, acknowledged, resolved. At most one is active per rule and sensor. */
@Entity
@Table(name = "alerts")
class Alert {

    @Id
    @Column(name = "alert_id")
    private UUID alertId;

    @Column(name = "site_id", nullable = false, length = 63)
    private String siteId;

    @Column(name = "sensor_id", length = 63)
    private String sensorId;

    @Column(name = "rule_id")
    private UUID ruleId;

    @Column(nullable = false, length = 20)
    private String kind;

    @Column(nullable = false, length = 16)
    private String state;

    @Column(nullable = false, length = 10)
    private String severity;

    private Double value;

    @Column(name = "limit_value")
    private Double limit;

    @Column(nullable = false, columnDefinition = "text")
    private String message;

    @Column(name = "opened_at", nullable = false)
    private Instant openedAt;

    @Column(name = "acknowledged_at")
    private Instant acknowledgedAt;

    @Column(name = "acknowledged_by", length = 64)
    private String acknowledgedBy;

    @Column(name = "acknowledgement_note", columnDefinition = "text")
    private String acknowledgementNote;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    @Column(name = "last_notified_at")
    private Instant lastNotifiedAt;

    @Column(name = "escalated_at")
    private Instant escalatedAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Alert() {
    }
}
