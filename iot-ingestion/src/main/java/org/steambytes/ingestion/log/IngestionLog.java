package org.steambytes.ingestion.log;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One gateway batch as received: how many readings were accepted or refused and why. */
@Entity
@Table(name = "ingestion_logs")
class IngestionLog {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "batch_id", nullable = false)
    private UUID batchId;

    @Column(name = "site_id", nullable = false, length = 63)
    private String siteId;

    @Column(name = "gateway_id")
    private UUID gatewayId;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Column(nullable = false)
    private int accepted;

    @Column(nullable = false)
    private int rejected;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "rejection_reasons", nullable = false)
    private String rejectionReasons;

    @Column(nullable = false)
    private boolean spooled;

    @Column(name = "duration_ms", nullable = false)
    private int durationMillis;

    protected IngestionLog() {
    }
}
