package org.steambytes.dashboard.api;

/** A site as frontend-api answers it (the fields the pages use). */
public record Site(String siteId, String name, String timezone, String fuelType) {
}
