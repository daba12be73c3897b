package org.steambytes.api.user;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.steambytes.api.caller.SiteScope;

/** An operator of the dashboard: role admin, operator or viewer, limited to its sites. */
@Entity
@Table(name = "users")
class DashboardUser {

    @Id
    @Column(length = 64)
    private String username;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(nullable = false, length = 16)
    private String role;

    @Column(name = "all_sites", nullable = false)
    private boolean allSites;

    @Column(nullable = false)
    private boolean enabled;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "user_site_access", joinColumns = @JoinColumn(name = "username"))
    @Column(name = "site_id", length = 63)
    private Set<String> siteIds = new HashSet<>();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected DashboardUser() {
    }

    DashboardUser(String username, Instant now) {
        this.username = username;
        this.enabled = true;
        this.createdAt = now;
        this.updatedAt = now;
    }

    SiteScope scope() {
        return new SiteScope(allSites, Set.copyOf(siteIds));
    }

    void update(String role, boolean allSites, Set<String> siteIds, Instant now) {
        this.role = role;
        this.allSites = allSites;
        this.siteIds = new HashSet<>(siteIds);
        this.updatedAt = now;
    }

    void changePassword(String passwordHash, Instant now) {
        this.passwordHash = passwordHash;
        this.updatedAt = now;
    }

    boolean withinScope(boolean callerAllSites, Set<String> callerSites) {
        return callerAllSites || (!allSites && callerSites.containsAll(siteIds));
    }

    UserView view() {
        return new UserView(username, role, allSites, Set.copyOf(siteIds), enabled, createdAt, updatedAt);
    }
}
