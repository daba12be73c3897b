package org.steambytes.alerting.efficiency;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.steambytes.alerting.AlertingProperties;
import org.steambytes.alerting.alert.AlertLifecycle;
import org.steambytes.alerting.alert.AlertSnapshot;
import org.steambytes.alerting.alert.Alerts;
import org.steambytes.alerting.efficiency.DropLimits.Verdict;
import org.steambytes.alerting.lock.JobLocks;
import org.steambytes.alerting.rule.AlertRule;
import org.steambytes.alerting.rule.AlertRuleDirectory;
import org.steambytes.common.alert.RuleKind;

/**
 * Every {@code efficiency-check} (60 s), each site with enabled {@code efficiency_drop} rules is judged in
 * its own transaction under a transaction-scoped advisory lock, so replicas split the sites and never
 * judge one at the same time. A rule opens when one of its watched efficiencies ({@code method}: direct,
 * combustion, or either) has been low for its delay, and resolves when none is low or within the deadband
 * and at least one is back (an efficiency not computed neither opens, holds nor resolves). Times are the
 * results' window ends.
 */
@Component
public class EfficiencyWatch implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(EfficiencyWatch.class);

    private record Judged(LatestEfficiency latest, double boundary, Verdict verdict) {
    }

    private final AlertRuleDirectory rules;
    private final EfficiencyHistory history;
    private final Alerts alerts;
    private final AlertLifecycle lifecycle;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;
    private final AlertingProperties.Analytics settings;

    EfficiencyWatch(AlertRuleDirectory rules, EfficiencyHistory history, Alerts alerts, AlertLifecycle lifecycle,
            TransactionTemplate transactions, JdbcClient jdbc, AlertingProperties properties) {
        this.rules = rules;
        this.history = history;
        this.alerts = alerts;
        this.lifecycle = lifecycle;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.settings = properties.analytics();
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (settings.enabled()) {
            registrar.addFixedDelayTask(this::check, settings.efficiencyCheck());
        }
    }

    /** One round over every site with efficiency rules; a site another replica holds is skipped this round. */
    public void check() {
        Map<String, List<AlertRule>> bySite = rules.rulesOfKind(RuleKind.EFFICIENCY_DROP).stream()
                .collect(Collectors.groupingBy(AlertRule::siteId, LinkedHashMap::new, Collectors.toList()));
        bySite.forEach((siteId, siteRules) -> {
            try {
                transactions.executeWithoutResult(tx -> {
                    if (JobLocks.tryLock(jdbc, "alert-service:efficiency:" + siteId)) {
                        siteRules.forEach(this::judge);
                    }
                });
            } catch (RuntimeException e) {
                log.warn("Efficiency check of site {} failed: {}", siteId, e.toString());
            }
        });
    }

    private void judge(AlertRule rule) {
        List<Judged> judged = new ArrayList<>();
        for (Efficiency efficiency : Efficiency.watchedBy(rule.method())) {
            judge(rule, efficiency).ifPresent(judged::add);
        }
        Optional<AlertSnapshot> active = alerts.active(rule.ruleId(), null);
        if (active.isEmpty()) {
            judged.stream().filter(j -> j.verdict() == Verdict.LOW).findFirst().ifPresent(low ->
                    lifecycle.open(new AlertLifecycle.Opening(rule.ruleId(), rule.siteId(), null,
                            RuleKind.EFFICIENCY_DROP.wireName(), rule.severity(), low.latest().value(), low.boundary(),
                            DropLimits.message(rule, low.latest()), low.latest().at())));
            return;
        }
        boolean holding = judged.stream().anyMatch(j -> j.verdict() != Verdict.CLEAR);
        if (!holding) {
            judged.stream().max(Comparator.comparing(j -> j.latest().at())).ifPresent(clear ->
                    lifecycle.resolve(active.get().alertId(), clear.latest().value(), clear.latest().at()));
        }
    }

    /** Empty when the efficiency says nothing (no value, not computed, no median where the limit needs one). */
    private Optional<Judged> judge(AlertRule rule, Efficiency efficiency) {
        Optional<LatestEfficiency> found = history.latest(rule.siteId(), efficiency);
        if (found.isEmpty() || found.get().value() == null) {
            return Optional.empty();
        }
        LatestEfficiency latest = found.get();
        Double boundary = DropLimits.boundary(rule, latest.median());
        if (boundary == null) {
            return Optional.empty();
        }
        Duration lowFor = Duration.ZERO;
        if (DropLimits.low(latest.value(), boundary) && rule.delayS() > 0) {
            lowFor = Duration.between(history.lowSince(rule.siteId(), efficiency, latest.at(), boundary), latest.at());
        }
        return Optional.of(new Judged(latest, boundary, DropLimits.verdict(rule, latest.value(), boundary, lowFor)));
    }
}
