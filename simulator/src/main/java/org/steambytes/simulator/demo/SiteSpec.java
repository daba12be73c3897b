package org.steambytes.simulator.demo;

import java.util.List;

/** A site as frontend-api creates it (docs/API.md "Integrators": {@code POST /sites}). */
public record SiteSpec(String siteId, String name, String timezone, String fuelType, List<String> notificationEmails) {
}
