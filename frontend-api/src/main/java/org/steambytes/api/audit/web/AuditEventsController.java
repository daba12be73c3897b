package org.steambytes.api.audit.web;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.data.web.PagedModel;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.steambytes.api.audit.AuditEventView;
import org.steambytes.api.audit.AuditEvents;
import org.steambytes.api.caller.ApiCaller;
import org.steambytes.api.web.Pages;

/** {@code GET /api/v1/audit-events}: admins only (the security chain answers 403 to the other roles). */
@RestController
class AuditEventsController {

    private final AuditEvents events;

    AuditEventsController(AuditEvents events) {
        this.events = events;
    }

    @GetMapping("/api/v1/audit-events")
    PagedModel<AuditEventView> list(@AuthenticationPrincipal ApiCaller caller,
            @RequestParam(name = "site_id", required = false) String siteId,
            @RequestParam(required = false) String actor, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @ParameterObject @PageableDefault(size = 50) Pageable pageable) {
        return new PagedModel<>(events.list(caller, new AuditEvents.Filter(siteId, actor, from, to),
                Pages.fixedOrder(pageable)));
    }
}
