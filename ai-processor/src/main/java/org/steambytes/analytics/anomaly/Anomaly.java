package org.steambytes.analytics.anomaly;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A reading a detector (z-score, EWMA, CUSUM) found out of line, with the numbers that say why. */
@Entity
@Table(name = "anomalies")
class Anomaly {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "site_id", nullable = false, length = 63)
    private String siteId;

    @Column(name = "sensor_id", nullable = false, length = 63)
    private String sensorId;

    @Column(nullable = false, length = 16)
    private String detector;

    @Column(name = "observed_at", nullable = false)
    private Instant observedAt;

    @Column(nullable = false)
    private double value;

    @Column(nullable = false)
    private double score;

    @Column(nullable = false)
    private double threshold;

    @Column(nullable = false, columnDefinition = "text")
    private String explanation;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Anomaly() {
    }
}
