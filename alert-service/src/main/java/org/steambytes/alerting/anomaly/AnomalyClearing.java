package org.steambytes.alerting.anomaly;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
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
import org.steambytes.alerting.lock.JobLocks;
import org.steambytes.alerting.rule.AlertRule;
import org.steambytes.alerting.rule.AlertRuleDirectory;
import org.steambytes.common.alert.RuleKind;

/**
 * An {@code anomaly} alert resolves once its rule's {@code clear_after_s} (default 900 s) has passed without
 * a new matching anomaly: the newest one's {@code observed_at} is read from PostgreSQL, so the quiet time
 * survives a restart. Resolved at the time the quiet time ended. Checked every {@code anomaly-clear-check}
 * (one replica at a time); alerts whose rule is gone or disabled are the silence watch's orphans. Also
 * forgets followed anomalies older than a day.
 */
@Component
class AnomalyClearing implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(AnomalyClearing.class);

    private final Alerts alerts;
    private final AlertRuleDirectory rules;
    private final FollowedAnomalies followed;
    private final AlertLifecycle lifecycle;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;
    private final AlertingProperties.Analytics settings;
    private final Clock clock;

    AnomalyClearing(Alerts alerts, AlertRuleDirectory rules, FollowedAnomalies followed, AlertLifecycle lifecycle,
            TransactionTemplate transactions, JdbcClient jdbc, AlertingProperties properties, Clock clock) {
        this.alerts = alerts;
        this.rules = rules;
        this.followed = followed;
        this.lifecycle = lifecycle;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.settings = properties.analytics();
        this.clock = clock;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (settings.enabled()) {
            registrar.addFixedDelayTask(this::resolveQuiet, settings.anomalyClearCheck());
            registrar.addFixedDelayTask(this::forgetOld, settings.followedCleanup());
        }
    }

    /** @return how many alerts it resolved */
    int resolveQuiet() {
        Integer resolved = transactions.execute(tx -> {
            if (!JobLocks.tryLock(jdbc, "alert-service:anomaly-clear")) {
                return 0;
            }
            Map<UUID, AlertRule> anomalyRules = rules.rulesOfKind(RuleKind.ANOMALY).stream()
                    .collect(Collectors.toMap(AlertRule::ruleId, Function.identity()));
            Instant now = clock.instant();
            int count = 0;
            for (AlertSnapshot alert : alerts.activeOfKind(RuleKind.ANOMALY.wireName())) {
                AlertRule rule = alert.ruleId() == null ? null : anomalyRules.get(alert.ruleId());
                if (rule == null || alert.sensorId() == null) {
                    continue;
                }
                Instant latest = followed.latestObserved(alert.siteId(), alert.sensorId(), rule.detector())
                        .filter(observed -> observed.isAfter(alert.openedAt())).orElse(alert.openedAt());
                Instant quietUntil = latest.plus(rule.clearAfter());
                if (!quietUntil.isAfter(now) && lifecycle.resolve(alert.alertId(), null, quietUntil)) {
                    count++;
                }
            }
            return count;
        });
        return resolved == null ? 0 : resolved;
    }

    void forgetOld() {
        try {
            followed.forgetOld();
        } catch (RuntimeException e) {
            log.warn("Forgetting followed anomalies failed: {}", e.toString());
        }
    }
}
