package org.steambytes.api.site;

import java.time.Instant;
import java.util.List;

/** A site as integrators read it. */
public record SiteView(String siteId, String name, String timezone, String fuelType, List<String> notificationEmails,
        List<String> escalationEmails, Instant createdAt, Instant updatedAt) {
}
