package org.steambytes.ingestion.gateway;

import java.util.UUID;

/** The authenticated caller of the readings API: a gateway of exactly one site. */
public record Gateway(UUID gatewayId, String siteId) {
}
