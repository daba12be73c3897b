package org.steambytes.api.analytics.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.steambytes.api.analytics.AnalyticsSettings;
import org.steambytes.api.caller.ApiCaller;
import tools.jackson.databind.JsonNode;

/** Admin only (the security chain): the settings change what the analytics step computes and alerts on. */
@RestController
class AnalyticsSettingsController {

    private static final String PATH = "/api/v1/sites/{siteId}/analytics-config";

    private final AnalyticsSettings settings;

    AnalyticsSettingsController(AnalyticsSettings settings) {
        this.settings = settings;
    }

    @Operation(summary = "The site's analytics settings (admin)",
            description = "Window, anomaly detectors and efficiency settings, named as docs/API.md \"Analytics\" lists"
                    + " them; a site that never had settings answers the defaults (updated_at null).",
            responses = @ApiResponse(responseCode = "200", description = "The settings", content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = AnalyticsSettingsDocument.class))))
    @GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    String get(@AuthenticationPrincipal ApiCaller caller, @PathVariable String siteId) {
        return settings.get(caller, siteId);
    }

    @Operation(summary = "Change some of the site's analytics settings (admin)",
            description = "Only the fields given change; an explicit null clears calorific_value_mj, siegert_a2, siegert_b"
                    + " or air_temperature_c; unknown fields, wrong types and values out of range are 422 naming the field.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = AnalyticsSettingsDocument.class))),
            responses = @ApiResponse(responseCode = "200", description = "The settings as stored", content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = AnalyticsSettingsDocument.class))))
    @PutMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    String put(@AuthenticationPrincipal ApiCaller caller, @PathVariable String siteId, @RequestBody JsonNode body) {
        return settings.change(caller, siteId, body);
    }
}
