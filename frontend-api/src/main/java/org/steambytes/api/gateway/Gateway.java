package org.steambytes.api.gateway;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A site's data gateway; only the SHA-256 of its token is kept. */
@Entity
@Table(name = "gateways")
class Gateway {

    @Id
    @Column(name = "gateway_id")
    private UUID gatewayId;

    @Column(name = "site_id", nullable = false, length = 63)
    private String siteId;

    @Column(nullable = false, length = 100)
    private String name;

    @Column(name = "token_hash", nullable = false, length = 64)
    private String tokenHash;

    @Column(name = "token_prefix", nullable = false, length = 12)
    private String tokenPrefix;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected Gateway() {
    }

    Gateway(UUID gatewayId, String siteId, String name, String tokenHash, String tokenPrefix, Instant createdAt) {
        this.gatewayId = gatewayId;
        this.siteId = siteId;
        this.name = name;
        this.tokenHash = tokenHash;
        this.tokenPrefix = tokenPrefix;
        this.createdAt = createdAt;
    }

    void revoke(Instant at) {
        if (revokedAt == null) {
            revokedAt = at;
        }
    }

    GatewayView view() {
        return new GatewayView(gatewayId, siteId, name, tokenPrefix, createdAt, revokedAt);
    }
}
