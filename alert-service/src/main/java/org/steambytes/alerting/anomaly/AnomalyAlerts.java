package org.steambytes.alerting.anomaly;

import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.steambytes.alerting.alert.AlertLifecycle;
import org.steambytes.alerting.rule.AlertRule;
import org.steambytes.alerting.rule.AlertRuleDirectory;
import org.steambytes.common.alert.RuleKind;
import org.steambytes.common.stream.AnomalyStreamEntry;

/**
 * Acts on one anomaly, in one transaction: records it as followed (a repeat stops here) and opens an
 * alert for each enabled {@code anomaly} rule of its sensor and detector through the lifecycle, so the
 * e-mail, reminders, maintenance and floods apply as for any alert. While a rule's alert is active, the
 * lifecycle keeps that one (one active alert per rule and sensor) and the anomaly only keeps it open.
 */
@Component
class AnomalyAlerts {

    private final FollowedAnomalies followed;
    private final AlertRuleDirectory rules;
    private final AlertLifecycle lifecycle;
    private final TransactionTemplate transactions;

    AnomalyAlerts(FollowedAnomalies followed, AlertRuleDirectory rules, AlertLifecycle lifecycle,
            TransactionTemplate transactions) {
        this.followed = followed;
        this.rules = rules;
        this.lifecycle = lifecycle;
        this.transactions = transactions;
    }

    /** @return the number of rules the anomaly concerned (0 for a repeat or an anomaly nobody watches) */
    int follow(AnomalyStreamEntry anomaly) {
        Integer concerned = transactions.execute(tx -> {
            if (!followed.follow(anomaly)) {
                return 0;
            }
            List<AlertRule> watching = rules.rulesOf(anomaly.siteId()).stream()
                    .filter(rule -> rule.watchesAnomaly(anomaly.sensorId(), anomaly.detector())).toList();
            for (AlertRule rule : watching) {
                lifecycle.open(new AlertLifecycle.Opening(rule.ruleId(), anomaly.siteId(), anomaly.sensorId(),
                        RuleKind.ANOMALY.wireName(), rule.severity(), anomaly.value(), anomaly.threshold(),
                        message(anomaly), anomaly.observedAt()));
            }
            return watching.size();
        });
        return concerned == null ? 0 : concerned;
    }

    /** "b1-steam-pressure anomaly (ewma): …" with ai-processor's explanation. */
    static String message(AnomalyStreamEntry anomaly) {
        return anomaly.sensorId() + " anomaly (" + anomaly.detector() + "): " + anomaly.explanation();
    }
}
