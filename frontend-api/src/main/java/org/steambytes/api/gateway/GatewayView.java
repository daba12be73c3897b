package org.steambytes.api.gateway;

import java.time.Instant;
import java.util.UUID;

/** A gateway as integrators read it: never its token, only the token's first characters. */
public record GatewayView(UUID gatewayId, String siteId, String name, String tokenPrefix, Instant createdAt,
        Instant revokedAt) {
}
