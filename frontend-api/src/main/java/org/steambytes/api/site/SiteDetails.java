package org.steambytes.api.site;

import java.util.List;

/** The changeable part of a site, already validated. */
public record SiteDetails(String name, String timezone, String fuelType, List<String> notificationEmails,
        List<String> escalationEmails) {
}
