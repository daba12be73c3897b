package org.steambytes.api.ingestionlog.web;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.data.web.PagedModel;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.steambytes.api.caller.ApiCaller;
import org.steambytes.api.ingestionlog.IngestionLogs;
import org.steambytes.api.web.Pages;

@RestController
class IngestionLogsController {

    private final IngestionLogs logs;

    IngestionLogsController(IngestionLogs logs) {
        this.logs = logs;
    }

    /** Newest first; {@code page} and {@code size} page it (sorting is fixed). */
    @GetMapping("/api/v1/sites/{siteId}/ingestion-logs")
    PagedModel<IngestionLogs.LoggedBatch> list(@AuthenticationPrincipal ApiCaller caller, @PathVariable String siteId,
            @ParameterObject @PageableDefault(size = 50) Pageable pageable) {
        return new PagedModel<>(logs.list(caller, siteId, Pages.capped(pageable)));
    }
}
