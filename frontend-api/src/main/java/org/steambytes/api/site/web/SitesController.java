package org.steambytes.api.site.web;

import jakarta.validation.Valid;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
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
import org.steambytes.api.site.SiteView;
import org.steambytes.api.site.Sites;
import org.steambytes.api.web.Pages;
import org.steambytes.common.problem.ProblemException;

@RestController
@RequestMapping("/api/v1/sites")
class SitesController {

    private final Sites sites;

    SitesController(Sites sites) {
        this.sites = sites;
    }

    @GetMapping
    PagedModel<SiteView> list(@AuthenticationPrincipal ApiCaller caller,
            @ParameterObject @PageableDefault(size = 50, sort = "siteId", direction = Sort.Direction.ASC) Pageable pageable) {
        return new PagedModel<>(sites.list(caller, Pages.capped(pageable)));
    }

    @GetMapping("/{siteId}")
    SiteView get(@AuthenticationPrincipal ApiCaller caller, @PathVariable String siteId) {
        return sites.get(caller, siteId);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<SiteView> create(@AuthenticationPrincipal ApiCaller caller, @Valid @RequestBody SiteRequest request) {
        if (request.siteId() == null) {
            throw ProblemException.invalid("site_id", "is required");
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(sites.create(caller, request.siteId(), request.details()));
    }

    @PutMapping("/{siteId}")
    SiteView update(@AuthenticationPrincipal ApiCaller caller, @PathVariable String siteId,
            @Valid @RequestBody SiteRequest request) {
        if (request.siteId() != null && !request.siteId().equals(siteId)) {
            throw ProblemException.invalid("site_id", "cannot be changed");
        }
        return sites.update(caller, siteId, request::over);
    }

    @DeleteMapping("/{siteId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> delete(@AuthenticationPrincipal ApiCaller caller, @PathVariable String siteId,
            @RequestParam(defaultValue = "false") boolean force) {
        sites.delete(caller, siteId, force);
        return ResponseEntity.noContent().build();
    }
}
