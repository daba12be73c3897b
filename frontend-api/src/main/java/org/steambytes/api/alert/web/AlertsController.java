package org.steambytes.api.alert.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.steambytes.api.alert.AlertHistory;
import org.steambytes.api.alert.AlertView;
import org.steambytes.api.alert.Alerts;
import org.steambytes.api.caller.ApiCaller;
import org.steambytes.api.web.AcceptsJson;
import org.steambytes.api.web.Pages;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/v1/alerts")
class AlertsController {

    record Acknowledgement(@Size(max = 2000) String note) {
    }

    /** {@code until} as a JSON string (RFC 3339) or number (epoch milliseconds). */
    record Shelving(@Schema(type = "string", format = "date-time", example = "2026-11-27T18:00:00Z") JsonNode until,
            @Schema(maxLength = 500) String reason) {

        String untilText() {
            return until == null || until.isNull() ? null : until.isNumber() ? until.numberValue().toString() : until.asString();
        }
    }

    private final Alerts alerts;
    private final AlertHistory history;

    AlertsController(Alerts alerts, AlertHistory history) {
        this.alerts = alerts;
        this.history = history;
    }

    /** Newest first; {@code site_id}, {@code state} and {@code severity} filter. */
    @Operation(summary = "Alerts of the caller's sites", description = "Newest first. `site_id` and `state` (open,"
            + " acknowledged, resolved) filter; `severity` (critical, high, medium, low) may repeat or list several"
            + " comma-separated, and keeps alerts of any of them (an unknown one: 422).")
    @GetMapping
    PagedModel<AlertView> list(@AuthenticationPrincipal ApiCaller caller,
            @RequestParam(name = "site_id", required = false) String siteId,
            @RequestParam(required = false) String state,
            @Parameter(description = "critical, high, medium or low; repeat or separate by commas for several",
                    array = @ArraySchema(schema = @Schema(allowableValues = {"critical", "high", "medium", "low"})))
            @RequestParam(required = false) List<String> severity,
            @ParameterObject @PageableDefault(size = 50) Pageable pageable, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        Alerts.Listing listing = alerts.list(caller, siteId, state, severity, Pages.capped(pageable),
                AcceptsJson.of(request.getHeader(HttpHeaders.ACCEPT)));
        if (listing.json() == null) {
            return new PagedModel<>(listing.page());
        }
        // From alert-service's open-alerts document: already this method's JSON. A null return after writing
        // the response tells Spring MVC the request is handled (the declared type stays the API's schema).
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setContentLength(listing.json().length);
        response.getOutputStream().write(listing.json());
        return null;
    }

    @Operation(summary = "An alert's history", description = "Oldest first: its transitions (opened, acknowledged with"
            + " who, resolved, renotified, escalated, shelved, unshelved) and the e-mails about it (emailed, or"
            + " email_suppressed with suppressed_reason). At most 1000 entries (`truncated` says when there were more).")
    @GetMapping("/{alertId}/events")
    AlertHistory.AlertTimeline events(@AuthenticationPrincipal ApiCaller caller, @PathVariable UUID alertId) {
        return history.of(caller, alertId);
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

    @Operation(summary = "Shelve an alert until a time (operator, admin)", description = "No e-mail goes out for it until"
            + " `until` (in the future, at most 7 days ahead); `reason` is required (at most 500 characters)."
            + " Forwarded to alert-service, which records who, when and why; a resolved alert: 409 alert_not_shelvable.")
    @PostMapping("/{alertId}/shelve")
    AlertView shelve(@AuthenticationPrincipal ApiCaller caller, @PathVariable UUID alertId,
            @RequestBody(required = false) Shelving shelving) {
        return shelving == null ? alerts.shelve(caller, alertId, null, null)
                : alerts.shelve(caller, alertId, shelving.untilText(), shelving.reason());
    }

    @Operation(summary = "Unshelve an alert now (operator, admin)", description = "409 alert_not_shelved if it is not shelved.")
    @DeleteMapping("/{alertId}/shelve")
    AlertView unshelve(@AuthenticationPrincipal ApiCaller caller, @PathVariable UUID alertId) {
        return alerts.unshelve(caller, alertId);
    }
}
