package org.steambytes.api.site;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A boiler house: its slug is its key everywhere (rows, Redis keys, InfluxDB tags). */
@Entity
@Table(name = "sites")
class Site {

    @Id
    @Column(name = "site_id", length = 63)
    private String siteId;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(nullable = false, length = 64)
    private String timezone;

    @Column(name = "fuel_type", nullable = false, length = 32)
    private String fuelType;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "notification_emails", nullable = false)
    private List<String> notificationEmails = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "escalation_emails", nullable = false)
    private List<String> escalationEmails = new ArrayList<>();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Site() {
    }

    Site(String siteId, Instant now) {
        this.siteId = siteId;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void update(SiteDetails details, Instant now) {
        this.name = details.name();
        this.timezone = details.timezone();
        this.fuelType = details.fuelType();
        this.notificationEmails = new ArrayList<>(details.notificationEmails());
        this.escalationEmails = new ArrayList<>(details.escalationEmails());
        this.updatedAt = now;
    }

    SiteView view() {
        return new SiteView(siteId, name, timezone, fuelType, List.copyOf(notificationEmails),
                List.copyOf(escalationEmails), createdAt, updatedAt);
    }

    String siteId() {
        return siteId;
    }
}
