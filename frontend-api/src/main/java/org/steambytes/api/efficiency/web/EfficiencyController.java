package org.steambytes.api.efficiency.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.steambytes.api.caller.ApiCaller;
import org.steambytes.api.efficiency.EfficiencySeries;

@RestController
class EfficiencyController {

    private final EfficiencySeries series;

    EfficiencyController(EfficiencySeries series) {
        this.series = series;
    }

    @Operation(summary = "The site's efficiency per analysed window, for charts",
            description = "Direct and combustion efficiency in percent of each window that ended in [from, to), oldest"
                    + " first (default: the last 24 h, at most 31 days); null where not computed, with the reason.")
    @GetMapping("/api/v1/sites/{siteId}/efficiency")
    EfficiencySeries.Series efficiency(@AuthenticationPrincipal ApiCaller caller, @PathVariable String siteId,
            @Parameter(description = "RFC 3339 with offset or epoch milliseconds (default: 24 h before to)")
            @RequestParam(required = false) String from,
            @Parameter(description = "RFC 3339 with offset or epoch milliseconds, exclusive (default: now)")
            @RequestParam(required = false) String to) {
        return series.read(caller, siteId, from, to);
    }
}
