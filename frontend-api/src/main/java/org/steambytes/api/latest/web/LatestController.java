package org.steambytes.api.latest.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.steambytes.api.caller.ApiCaller;
import org.steambytes.api.latest.LatestReadings;

@RestController
class LatestController {

    private final LatestReadings latest;

    LatestController(LatestReadings latest) {
        this.latest = latest;
    }

    @GetMapping("/api/v1/sites/{siteId}/latest")
    LatestReadings.SiteLatest latest(@AuthenticationPrincipal ApiCaller caller, @PathVariable String siteId) {
        return latest.of(caller, siteId);
    }
}
