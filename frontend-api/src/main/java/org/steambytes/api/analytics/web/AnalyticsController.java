package org.steambytes.api.analytics.web;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.steambytes.api.analytics.SiteAnalytics;
import org.steambytes.api.caller.ApiCaller;

@RestController
class AnalyticsController {

    private final SiteAnalytics analytics;

    AnalyticsController(SiteAnalytics analytics) {
        this.analytics = analytics;
    }

    @Operation(summary = "The site's latest analytics result set",
            description = "Window statistics, trend and time to threshold per sensor, stale sensors, direct and"
                    + " combustion efficiency (or why they were not computed), as the last analytics cycle computed"
                    + " them (docs/API.md \"Analytics\"). Before the first cycle: computed_at null, no sensors.")
    @GetMapping(path = "/api/v1/sites/{siteId}/analytics", produces = MediaType.APPLICATION_JSON_VALUE)
    String analytics(@AuthenticationPrincipal ApiCaller caller, @PathVariable String siteId) {
        return analytics.latest(caller, siteId);
    }
}
