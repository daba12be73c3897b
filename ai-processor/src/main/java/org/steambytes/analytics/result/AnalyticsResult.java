package org.steambytes.analytics.result;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One computed figure for a window: a sensor's statistics or trend, or a site's efficiency. */
@Entity
@Table(name = "analytics_results")
class AnalyticsResult {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "site_id", nullable = false, length = 63)
    private String siteId;

    @Column(name = "sensor_id", length = 63)
    private String sensorId;

    @Column(nullable = false, length = 32)
    private String kind;

    @Column(name = "window_start", nullable = false)
    private Instant windowStart;

    @Column(name = "window_end", nullable = false)
    private Instant windowEnd;

    private Double value;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private String details;

    @Column(name = "computed_at", nullable = false)
    private Instant computedAt;

    protected AnalyticsResult() {
    }
}
