package org.steambytes.api.maintenance;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A period in which a site's alerts are recorded but no e-mail goes out (alert-service reads it). */
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

    @Column(name = "created_by", length = 128)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_by", length = 128)
    private String updatedBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected MaintenanceWindow() {
    }

    MaintenanceWindow(String siteId, String createdBy, Instant now) {
        this.siteId = siteId;
        this.createdBy = createdBy;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void change(Instant startsAt, Instant endsAt, String reason, String by, Instant now) {
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.reason = reason;
        if (id != null) {
            this.updatedBy = by;
        }
        this.updatedAt = now;
    }

    MaintenanceWindowView view() {
        return new MaintenanceWindowView(id, siteId, startsAt, endsAt, reason, createdBy, createdAt, updatedBy, updatedAt);
    }
}
