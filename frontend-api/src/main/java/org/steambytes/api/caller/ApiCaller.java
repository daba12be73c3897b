package org.steambytes.api.caller;

import java.util.Set;
import java.util.UUID;

/** The authenticated integrator: its key, role and site scope. */
public record ApiCaller(UUID keyId, ApiRole role, boolean allSites, Set<String> siteIds) {

    public boolean canSee(String siteId) {
        return allSites || siteIds.contains(siteId);
    }

    public boolean isAdmin() {
        return role == ApiRole.ADMIN;
    }
}
