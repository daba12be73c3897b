package org.steambytes.alerting.alert;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One transition of an alert, with the value and time that caused it. */
@Entity
@Table(name = "alert_events")
class AlertEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "alert_id", nullable = false)
    private UUID alertId;

    @Column(nullable = false, length = 16)
    private String transition;

    private Double value;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(length = 64)
    private String actor;

    @Column(columnDefinition = "text")
    private String note;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected AlertEvent() {
    }
}
