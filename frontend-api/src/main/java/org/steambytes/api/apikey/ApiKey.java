package org.steambytes.api.apikey;

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
import java.util.UUID;
import org.steambytes.api.caller.ApiCaller;
import org.steambytes.api.caller.ApiRole;

/** An integrator's key: role reader, operator or admin, all sites or a list; only its SHA-256 is kept. */
@Entity
@Table(name = "api_keys")
class ApiKey {

    @Id
    @Column(name = "key_id")
    private UUID keyId;

    @Column(nullable = false, length = 100)
    private String name;

    @Column(name = "key_hash", nullable = false, length = 64)
    private String keyHash;

    @Column(name = "key_prefix", nullable = false, length = 12)
    private String keyPrefix;

    @Column(nullable = false, length = 16)
    private String role;

    @Column(name = "all_sites", nullable = false)
    private boolean allSites;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "api_key_site_access", joinColumns = @JoinColumn(name = "key_id"))
    @Column(name = "site_id", length = 63)
    private Set<String> siteIds = new HashSet<>();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected ApiKey() {
    }

    ApiKey(UUID keyId, String name, String keyHash, String keyPrefix, ApiRole role, boolean allSites,
            Set<String> siteIds, Instant createdAt) {
        this.keyId = keyId;
        this.name = name;
        this.keyHash = keyHash;
        this.keyPrefix = keyPrefix;
        this.role = role.value();
        this.allSites = allSites;
        this.siteIds = new HashSet<>(siteIds);
        this.createdAt = createdAt;
    }

    ApiCaller toCaller() {
        return ApiCaller.key(keyId, ApiRole.of(role), allSites, siteIds);
    }

    boolean hasHash(String hash) {
        return keyHash.equals(hash);
    }

    UUID keyId() {
        return keyId;
    }

    String name() {
        return name;
    }

    String keyPrefix() {
        return keyPrefix;
    }

    ApiRole role() {
        return ApiRole.of(role);
    }

    boolean allSites() {
        return allSites;
    }

    Set<String> siteIds() {
        return Set.copyOf(siteIds);
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant lastUsedAt() {
        return lastUsedAt;
    }

    Instant revokedAt() {
        return revokedAt;
    }

    void revoke(Instant at) {
        if (revokedAt == null) {
            revokedAt = at;
        }
    }

    void promoteToAdminOfAllSites() {
        role = ApiRole.ADMIN.value();
        allSites = true;
        revokedAt = null;
    }
}
