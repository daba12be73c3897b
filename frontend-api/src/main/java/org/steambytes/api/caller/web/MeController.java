package org.steambytes.api.caller.web;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.TreeSet;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.steambytes.api.caller.ApiCaller;
import org.steambytes.api.caller.ApiRole;

/** {@code GET /api/v1/me}: the caller as frontend-api sees it on this request (any role). */
@RestController
class MeController {

    /**
     * {@code name}: the key's id or the user's name; {@code actor}: how audit fields name the caller;
     * {@code site_ids}: empty when {@code all_sites}.
     */
    record Me(ApiCaller.Kind kind, String name, String actor, ApiRole role, boolean allSites, List<String> siteIds) {
    }

    @Operation(summary = "Who is calling", description = "The caller's kind (key or user), name, role and sites as"
            + " resolved on this request: for a dashboard user from the users table, so a changed role or scope shows"
            + " at once.")
    @GetMapping("/api/v1/me")
    Me me(@AuthenticationPrincipal ApiCaller caller) {
        return new Me(caller.kind(), caller.name(), caller.actor(), caller.role(), caller.allSites(),
                List.copyOf(new TreeSet<>(caller.siteIds())));
    }
}
