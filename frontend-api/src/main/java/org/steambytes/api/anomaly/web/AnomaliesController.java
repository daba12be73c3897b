package org.steambytes.api.anomaly.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.data.web.PagedModel;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.steambytes.api.anomaly.Anomalies;
import org.steambytes.api.anomaly.AnomalyView;
import org.steambytes.api.caller.ApiCaller;
import org.steambytes.api.web.Pages;

@RestController
class AnomaliesController {

    private final Anomalies anomalies;

    AnomaliesController(Anomalies anomalies) {
        this.anomalies = anomalies;
    }

    @Operation(summary = "The site's anomalies, newest first",
            description = "Observed in [from, to) (default: the last 24 h); page and size page it (the order is fixed).")
    @GetMapping("/api/v1/sites/{siteId}/anomalies")
    PagedModel<AnomalyView> list(@AuthenticationPrincipal ApiCaller caller, @PathVariable String siteId,
            @Parameter(description = "RFC 3339 with offset or epoch milliseconds (default: 24 h before to)")
            @RequestParam(required = false) String from,
            @Parameter(description = "RFC 3339 with offset or epoch milliseconds, exclusive (default: now)")
            @RequestParam(required = false) String to,
            @RequestParam(name = "sensor_id", required = false) String sensorId,
            @Parameter(description = "zscore, ewma or cusum") @RequestParam(required = false) String detector,
            @ParameterObject @PageableDefault(size = 100) Pageable pageable) {
        return new PagedModel<>(anomalies.list(caller, siteId, new Anomalies.Filter(from, to, sensorId, detector),
                Pages.fixedOrder(pageable)));
    }
}
