package org.steambytes.api.maintenance;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A period in which a site's alerts are recorded but no e-mail goes out. */
@Entity
@Table(name = "maintenance_windows")
class MaintenanceWindow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "site_id", nullable = false, length = 63)
    private String siteId;

    @Column(name = "starts_at", nullable = false)
    private Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    private Instant endsAt;

    @Column(columnDefinition = "text")
    private String reason;

    @Column(name = "created_by", length = 64)
    private String createdBy;

    protected MaintenanceWindow() {
    }
}
