package org.steambytes.api.summary.web;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.steambytes.api.caller.ApiCaller;
import org.steambytes.api.summary.SiteSummaries;
import org.steambytes.api.summary.SiteSummary;

/** {@code GET /api/v1/site-summaries}: the overview of the caller's sites (any role). */
@RestController
class SiteSummariesController {

    private final SiteSummaries summaries;

    SiteSummariesController(SiteSummaries summaries) {
        this.summaries = summaries;
    }

    @Operation(summary = "Every site of the caller at a glance", description = "By site id: status (alerting with any"
            + " open or acknowledged alert, else stale when every sensor is stale, else ok), the highest severity and"
            + " number of open and acknowledged alerts (and how many of them are shelved), the newest reading's time"
            + " and the latest direct and combustion efficiency (null before the analytics have a result). Never cached.")
    @GetMapping("/api/v1/site-summaries")
    List<SiteSummary> list(@AuthenticationPrincipal ApiCaller caller) {
        return summaries.of(caller);
    }
}
