package org.steambytes.api.alertrule.web;

import java.util.UUID;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.steambytes.api.alertrule.AlertRuleView;
import org.steambytes.api.alertrule.AlertRules;
import org.steambytes.api.alertrule.RuleDraft;
import org.steambytes.api.caller.ApiCaller;
import org.steambytes.api.web.Pages;

@RestController
@RequestMapping("/api/v1/sites/{siteId}/alert-rules")
class AlertRulesController {

    private final AlertRules rules;

    AlertRulesController(AlertRules rules) {
        this.rules = rules;
    }

    @GetMapping
    PagedModel<AlertRuleView> list(@AuthenticationPrincipal ApiCaller caller, @PathVariable String siteId,
            @ParameterObject @PageableDefault(size = 100, sort = "createdAt", direction = Sort.Direction.ASC) Pageable pageable) {
        return new PagedModel<>(rules.list(caller, siteId, Pages.capped(pageable)));
    }

    @GetMapping("/{ruleId}")
    AlertRuleView get(@AuthenticationPrincipal ApiCaller caller, @PathVariable String siteId,
            @PathVariable UUID ruleId) {
        return rules.get(caller, siteId, ruleId);
    }

    /** Every field is checked per kind (422 lists all that are wrong); omitted ones get docs/DOMAIN.md defaults. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<AlertRuleView> create(@AuthenticationPrincipal ApiCaller caller, @PathVariable String siteId,
            @RequestBody RuleDraft draft) {
        return ResponseEntity.status(HttpStatus.CREATED).body(rules.create(caller, siteId, draft));
    }

    @PutMapping("/{ruleId}")
    AlertRuleView update(@AuthenticationPrincipal ApiCaller caller, @PathVariable String siteId,
            @PathVariable UUID ruleId, @RequestBody RuleDraft draft) {
        return rules.update(caller, siteId, ruleId, draft);
    }

    @DeleteMapping("/{ruleId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> delete(@AuthenticationPrincipal ApiCaller caller, @PathVariable String siteId,
            @PathVariable UUID ruleId) {
        rules.delete(caller, siteId, ruleId);
        return ResponseEntity.noContent().build();
    }
}
