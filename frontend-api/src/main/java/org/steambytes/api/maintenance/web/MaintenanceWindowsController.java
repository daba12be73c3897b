package org.steambytes.api.maintenance.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.steambytes.api.caller.ApiCaller;
import org.steambytes.api.maintenance.MaintenanceWindowView;
import org.steambytes.api.maintenance.MaintenanceWindows;
import org.steambytes.api.web.Pages;
import tools.jackson.databind.JsonNode;

/** {@code /sites/{site_id}/maintenance-windows}: read by any role, kept by operators and admins of the site. */
@RestController
@RequestMapping("/api/v1/sites/{siteId}/maintenance-windows")
class MaintenanceWindowsController {

    /** Times as JSON strings (RFC 3339 with offset) or numbers (epoch milliseconds). */
    record WindowRequest(
            @Schema(type = "string", format = "date-time", example = "2026-11-28T06:00:00Z") JsonNode startsAt,
            @Schema(type = "string", format = "date-time", example = "2026-11-28T14:00:00Z") JsonNode endsAt,
            @Schema(maxLength = 500, example = "burner service") String reason) {

        MaintenanceWindows.Draft draft() {
            return new MaintenanceWindows.Draft(text(startsAt), text(endsAt), reason);
        }

        private static String text(JsonNode time) {
            return time == null || time.isNull() ? null : time.isNumber() ? time.numberValue().toString() : time.asString();
        }
    }

    private final MaintenanceWindows windows;

    MaintenanceWindowsController(MaintenanceWindows windows) {
        this.windows = windows;
    }

    @Operation(summary = "A site's maintenance windows", description = "Newest start first; `ends_after` (RFC 3339"
            + " or epoch milliseconds) keeps only those ending after it, e.g. now for the current and coming ones.")
    @GetMapping
    PagedModel<MaintenanceWindowView> list(@AuthenticationPrincipal ApiCaller caller, @PathVariable String siteId,
            @RequestParam(name = "ends_after", required = false) String endsAfter,
            @ParameterObject @PageableDefault(size = 100) Pageable pageable) {
        return new PagedModel<>(windows.list(caller, siteId, endsAfter, Pages.fixedOrder(pageable)));
    }

    @GetMapping("/{windowId}")
    MaintenanceWindowView get(@AuthenticationPrincipal ApiCaller caller, @PathVariable String siteId,
            @PathVariable long windowId) {
        return windows.get(caller, siteId, windowId);
    }

    @Operation(summary = "Announce a maintenance window (operator, admin)", description = "No alert e-mail goes out for"
            + " the site from `starts_at` until `ends_at` (after `starts_at`, at most 30 days later, not yet over);"
            + " `reason` is required (at most 500 characters). `created_by` is the caller.")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<MaintenanceWindowView> create(@AuthenticationPrincipal ApiCaller caller, @PathVariable String siteId,
            @RequestBody WindowRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(windows.create(caller, siteId, request.draft()));
    }

    @Operation(summary = "Change a maintenance window (operator, admin)", description = "Replaces its times and"
            + " reason (all required, checked as on create, except that it may be over).")
    @PutMapping("/{windowId}")
    MaintenanceWindowView update(@AuthenticationPrincipal ApiCaller caller, @PathVariable String siteId,
            @PathVariable long windowId, @RequestBody WindowRequest request) {
        return windows.update(caller, siteId, windowId, request.draft());
    }

    @DeleteMapping("/{windowId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> delete(@AuthenticationPrincipal ApiCaller caller, @PathVariable String siteId,
            @PathVariable long windowId) {
        windows.delete(caller, siteId, windowId);
        return ResponseEntity.noContent().build();
    }
}
