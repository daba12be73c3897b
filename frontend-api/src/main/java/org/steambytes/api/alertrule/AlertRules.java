package org.steambytes.api.alertrule;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.steambytes.api.audit.AuditAction;
import org.steambytes.api.audit.AuditLog;
import org.steambytes.api.audit.AuditedResource;
import org.steambytes.api.caller.ApiCaller;
import org.steambytes.api.sensor.SensorView;
import org.steambytes.api.sensor.Sensors;
import org.steambytes.api.site.Sites;
import org.steambytes.common.problem.FieldProblem;
import org.steambytes.common.problem.ProblemException;

/** A site's alert rules, validated per kind with docs/DOMAIN.md's defaults; alert-service evaluates them. */
@Service
public class AlertRules {

    private final AlertRuleRepository rules;
    private final Sites sites;
    private final Sensors sensors;
    private final Clock clock;
    private final AuditLog audit;

    AlertRules(AlertRuleRepository rules, Sites sites, Sensors sensors, Clock clock, AuditLog audit) {
        this.rules = rules;
        this.sites = sites;
        this.sensors = sensors;
        this.clock = clock;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public Page<AlertRuleView> list(ApiCaller caller, String siteId, Pageable pageable) {
        sites.requireVisible(caller, siteId);
        return rules.findBySiteId(siteId, pageable).map(AlertRule::view);
    }

    @Transactional(readOnly = true)
    public AlertRuleView get(ApiCaller caller, String siteId, UUID ruleId) {
        sites.requireVisible(caller, siteId);
        return find(siteId, ruleId).view();
    }

    @Transactional
    public AlertRuleView create(ApiCaller caller, String siteId, RuleDraft draft) {
        RuleSpec spec = validated(caller, siteId, draft);
        AlertRule rule = new AlertRule(UUID.randomUUID(), siteId, clock.instant());
        rule.update(spec, clock.instant());
        AlertRuleView created = rules.save(rule).view();
        audit.record(caller, AuditAction.CREATE, AuditedResource.ALERT_RULE, created.ruleId().toString(), siteId, null, created);
        return created;
    }

    @Transactional
    public AlertRuleView update(ApiCaller caller, String siteId, UUID ruleId, RuleDraft draft) {
        RuleSpec spec = validated(caller, siteId, draft);
        AlertRule rule = find(siteId, ruleId);
        AlertRuleView before = rule.view();
        rule.update(spec, clock.instant());
        AlertRuleView after = rule.view();
        audit.record(caller, AuditAction.UPDATE, AuditedResource.ALERT_RULE, ruleId.toString(), siteId, before, after);
        return after;
    }

    @Transactional
    public void delete(ApiCaller caller, String siteId, UUID ruleId) {
        sites.requireVisible(caller, siteId);
        AlertRule rule = find(siteId, ruleId);
        audit.record(caller, AuditAction.DELETE, AuditedResource.ALERT_RULE, ruleId.toString(), siteId, rule.view(), null);
        rules.delete(rule);
    }

    private RuleSpec validated(ApiCaller caller, String siteId, RuleDraft draft) {
        List<SensorView> siteSensors = sensors.all(caller, siteId);
        SensorView sensor = draft.sensorId() == null ? null : siteSensors.stream()
                .filter(s -> s.sensorId().equals(draft.sensorId())).findFirst().orElse(null);
        List<FieldProblem> errors = new ArrayList<>();
        RuleSpec spec = RuleValidator.validate(draft, sensor == null ? null : sensor.sensorType(), sensor != null, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.of(HttpStatus.UNPROCESSABLE_CONTENT, "validation_failed",
                    errors.size() + " field" + (errors.size() == 1 ? " is" : "s are") + " invalid.").withErrors(errors);
        }
        return spec;
    }

    private AlertRule find(String siteId, UUID ruleId) {
        return rules.findByRuleIdAndSiteId(ruleId, siteId).orElseThrow(() -> ProblemException.of(
                HttpStatus.NOT_FOUND, "rule_not_found", "Site '" + siteId + "' has no alert rule " + ruleId + "."));
    }
}
