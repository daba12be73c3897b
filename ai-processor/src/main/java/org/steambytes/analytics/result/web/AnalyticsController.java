package org.steambytes.analytics.result.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.steambytes.analytics.result.LatestResults;
import org.steambytes.common.problem.ProblemException;

/**
 * The internal analytics API frontend-api answers integrators from when the cache is cold (internal
 * token only; site scope is frontend-api's business).
 */
@RestController
class AnalyticsController {

    private final LatestResults latest;

    AnalyticsController(LatestResults latest) {
        this.latest = latest;
    }

    @GetMapping(path = "/internal/v1/analytics/{siteId}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> latest(@PathVariable String siteId) {
        return latest.of(siteId).map(ResponseEntity::ok).orElseThrow(() -> ProblemException.of(HttpStatus.NOT_FOUND,
                "analytics_not_found", "No analytics for site " + siteId + " yet: the first cycle after its first"
                        + " readings computes them."));
    }
}
