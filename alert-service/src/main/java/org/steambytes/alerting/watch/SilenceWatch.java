package org.steambytes.alerting.watch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.steambytes.alerting.AlertingProperties;
import org.steambytes.alerting.alert.AlertLifecycle;
import org.steambytes.alerting.alert.AlertSnapshot;
import org.steambytes.alerting.alert.Alerts;
import org.steambytes.alerting.state.RuleState;
import org.steambytes.alerting.evaluation.SiteEvaluator;
import org.steambytes.alerting.rule.AlertRule;
import org.steambytes.alerting.rule.AlertRuleDirectory;
import org.steambytes.common.alert.RuleKind;
import org.steambytes.common.alert.Severity;
import org.steambytes.alerting.site.SensorInfo;
import org.steambytes.alerting.site.SiteDirectory;
import org.steambytes.alerting.site.SiteInfo;
import org.steambytes.alerting.state.SiteState;
import org.steambytes.alerting.state.SiteStateStore;

/**
 * What silence means, checked every few seconds for each site alerting keeps state for:
 * <ul>
 * <li>site lost: every sensor of the site stale (no reading for max(3 × expected interval, 5 min)) →
 *     one {@code site_lost} alert; while it is active the site's no-data alerts are not opened (the
 *     site alert says it all). The next reading of the site resolves it.</li>
 * <li>{@code no_data} rules: the sensor silent for max(3 × expected interval, the rule's
 *     {@code window_s}) → alert; its next reading resolves it.</li>
 * </ul>
 * Active alerts whose rule was deleted or disabled are resolved here too.
 * "Last reading" is when this service last saw one of the sensor's readings arrive; after a Redis
 * loss the silence is counted from the rebuild. Watched: sites with state, with active alerts, with
 * no-data rules, and every site that sent readings within the last day.
 */
@Component
public class SilenceWatch implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(SilenceWatch.class);

    private final SiteStateStore states;
    private final SiteDirectory sites;
    private final AlertRuleDirectory rules;
    private final AlertLifecycle lifecycle;
    private final Alerts alerts;
    private final TransactionTemplate transactions;
    private final Duration staleFloor;
    private final Duration reportingRefresh;
    private final Duration every;
    private final Clock clock;
    private final SiteEvaluator evaluator;
    private List<String> reporting = List.of();
    private long reportingReadAt;

    SilenceWatch(SiteEvaluator evaluator, SiteStateStore states, SiteDirectory sites, AlertRuleDirectory rules, AlertLifecycle lifecycle,
            Alerts alerts, TransactionTemplate transactions, AlertingProperties properties, Clock clock) {
        this.evaluator = evaluator;
        this.states = states;
        this.sites = sites;
        this.rules = rules;
        this.lifecycle = lifecycle;
        this.alerts = alerts;
        this.transactions = transactions;
        this.staleFloor = properties.stream().staleFloor();
        this.reportingRefresh = properties.stream().reportingRefresh();
        this.every = properties.stream().silenceCheck();
        this.clock = clock;
    }

    /** Every {@code silence-check}, in every replica; the per-site state lock keeps them apart. */
    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::check, every);
    }

    public void check() {
        try {
            evaluator.forgetOldEntries();
        } catch (RuntimeException e) {
            log.warn("Cleaning evaluated stream entries failed: {}", e.toString());
        }
        Set<String> siteIds = new LinkedHashSet<>(states.trackedSites());
        siteIds.addAll(alerts.sitesWithActiveAlerts());
        if (clock.millis() - reportingReadAt > reportingRefresh.toMillis()) {
            reporting = states.sitesReportingRecently();
            reportingReadAt = clock.millis();
        }
        siteIds.addAll(reporting);
        rules.rulesOfKind(RuleKind.NO_DATA).forEach(rule -> siteIds.add(rule.siteId()));
        for (String siteId : siteIds) {
            try {
                sites.find(siteId).ifPresent(site ->
                        states.withSite(siteId, state -> transactions.execute(tx -> check(site, state))));
            } catch (RuntimeException e) {
                log.warn("Silence check of site {} failed: {}", siteId, e.toString());
            }
        }
    }

    /**
     * The off-delay needs the condition to stay clear for {@code delay_s}; a sensor that stops reporting
     * right after its last (clear) reading gives no second reading to end it. So: the last reading was
     * clear (the off-delay running) and nothing has arrived from the sensor for {@code delay_s} since —
     * nothing said otherwise, it resolves, at the time its off-delay ended.
     */
    private int clearedAndQuiet(SiteInfo site, SiteState state, long now) {
        int resolved = 0;
        for (AlertRule rule : rules.rulesOf(site.siteId())) {
            RuleState ruleState = state.rule(rule);
            if (!rule.perReading() || !ruleState.active() || ruleState.alertId() == null
                    || ruleState.pendingSince() == null
                    || now - state.lastSeen(rule.sensorId()) < rule.delayS() * 1000L) {
                continue;
            }
            long clearedAt = Math.max(ruleState.pendingSince() + rule.delayS() * 1000L, ruleState.lastTs());
            if (lifecycle.resolve(UUID.fromString(ruleState.alertId()), null, Instant.ofEpochMilli(clearedAt))) {
                resolved++;
            }
            state.rule(rule, ruleState.withoutAlert());
        }
        return resolved;
    }

    private int check(SiteInfo site, SiteState state) {
        long now = clock.millis();
        for (AlertSnapshot orphan : alerts.orphans(site.siteId())) {
            lifecycle.resolve(orphan.alertId(), null, Instant.ofEpochMilli(now));
            if (orphan.ruleId() != null) {
                state.forgetRule(orphan.ruleId(), orphan.sensorId());
            }
        }
        int opened = clearedAndQuiet(site, state, now);
        if (state.lostAlertId() == null && !site.sensors().isEmpty()
                && site.sensors().values().stream().allMatch(sensor -> now - state.lastSeen(sensor.sensorId())
                        > sensor.staleAfterMillis(staleFloor))) {
            long silentFor = site.sensors().values().stream().mapToLong(sensor -> now - state.lastSeen(sensor.sensorId()))
                    .min().orElse(0);
            UUID alertId = lifecycle.open(new AlertLifecycle.Opening(null, site.siteId(), null, AlertSnapshot.SITE_LOST, Severity.HIGH,
                    null, null, "No reading from any of the " + site.sensors().size() + " sensors of " + site.name()
                            + " for " + Duration.ofMillis(silentFor).toMinutes() + " min",
                    Instant.ofEpochMilli(now))).orElseThrow();
            state.lost(alertId.toString());
            opened++;
        }
        if (state.lostAlertId() != null) {
            return opened; // a lost site's silent sensors are that one alert
        }
        if (site.sensors().size() > 1 && site.sensors().values().stream().allMatch(sensor ->
                now - state.lastSeen(sensor.sensorId()) > 3000L * sensor.expectedIntervalS())) {
            // Every sensor silent at once is the gateway or the link, not one sensor: that is one
            // site-lost alert (when the silence reaches the stale limit), not a no-data alert per sensor.
            return opened;
        }
        List<AlertRule> noData = rules.rulesOf(site.siteId()).stream().filter(rule -> rule.kind() == RuleKind.NO_DATA).toList();
        for (AlertRule rule : noData) {
            SensorInfo sensor = site.sensor(rule.sensorId());
            RuleState ruleState = state.rule(rule);
            if (sensor == null || ruleState.active()) {
                continue;
            }
            long silence = now - state.lastSeen(sensor.sensorId());
            long allowed = Math.max(3L * sensor.expectedIntervalS(), rule.windowS() == null ? 0 : rule.windowS()) * 1000L;
            if (silence > allowed) {
                Optional<UUID> alertId = lifecycle.open(new AlertLifecycle.Opening(rule.ruleId(), site.siteId(),
                        sensor.sensorId(), RuleKind.NO_DATA.wireName(), rule.severity(), silence / 1000.0, allowed / 1000.0,
                        sensor.sensorId() + " sent nothing for " + silence / 1000 + " s (allowed " + allowed / 1000 + " s)",
                        Instant.ofEpochMilli(now)));
                if (alertId.isPresent()) {
                    state.rule(rule, new RuleState(true, alertId.get().toString(), null, ruleState.lastTs(), List.of()));
                    opened++;
                }
            }
        }
        return opened;
    }
}
