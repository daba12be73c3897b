package org.steambytes.api.alert.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.data.web.PagedModel;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.steambytes.api.alert.AlertView;
import org.steambytes.api.alert.Alerts;
import org.steambytes.api.caller.ApiCaller;
import org.steambytes.api.web.Pages;

@RestController
@RequestMapping("/api/v1/alerts")
class AlertsController {

    record Acknowledgement(@Size(max = 2000) String note) {
    }

    private final Alerts alerts;

    AlertsController(Alerts alerts) {
        this.alerts = alerts;
    }

    /** Newest first; {@code site_id} and {@code state} filter. */
    @GetMapping
    PagedModel<AlertView> list(@AuthenticationPrincipal ApiCaller caller,
            @RequestParam(name = "site_id", required = false) String siteId,
            @RequestParam(required = false) String state, @ParameterObject @PageableDefault(size = 50) Pageable pageable) {
        return new PagedModel<>(alerts.list(caller, siteId, state, Pages.capped(pageable)));
    }

    @GetMapping("/{alertId}")
    AlertView get(@AuthenticationPrincipal ApiCaller caller, @PathVariable UUID alertId) {
        return alerts.get(caller, alertId);
    }

    @PostMapping("/{alertId}/acknowledge")
    AlertView acknowledge(@AuthenticationPrincipal ApiCaller caller, @PathVariable UUID alertId,
            @Valid @RequestBody(required = false) Acknowledgement acknowledgement) {
        return alerts.acknowledge(caller, alertId, acknowledgement == null ? null : acknowledgement.note());
    }
}
