package org.steambytes.api.user;

import java.time.Instant;
import java.util.Set;

/** A dashboard user as admins read it (never the password or its hash). */
public record UserView(String username, String role, boolean allSites, Set<String> siteIds, boolean enabled,
        Instant createdAt, Instant updatedAt) {
}
