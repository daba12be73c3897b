package org.steambytes.alerting.evaluation;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.steambytes.alerting.state.RuleState;
import org.steambytes.alerting.state.Sample;
import org.steambytes.alerting.alert.AlertLifecycle;
import org.steambytes.alerting.rule.AlertRule;
import org.steambytes.alerting.rule.AlertRuleDirectory;
import org.steambytes.common.alert.RuleKind;
import org.steambytes.alerting.site.SensorInfo;
import org.steambytes.alerting.site.SiteDirectory;
import org.steambytes.alerting.site.SiteInfo;
import org.steambytes.alerting.state.SiteState;
import org.steambytes.alerting.state.SiteStateStore;
import org.steambytes.common.stream.StreamedReading;

/**
 * Evaluates one batch of a site's readings against the site's rules: under the site's state lock, in
 * reading-time order, in one transaction with the transitions it causes. A reading of a lost site
 * first resolves the site-lost alert. Evaluating the same batch again changes nothing: readings not
 * newer than a rule's last are skipped, the lifecycle's transitions are idempotent, and an entry that
 * changed alerts is recorded with them, so a re-delivery after lost Redis state is recognised too.
 */
@Component
public class SiteEvaluator {

    private final SiteDirectory sites;
    private final AlertRuleDirectory rules;
    private final SiteStateStore states;
    private final AlertLifecycle lifecycle;
    private final TransactionTemplate transactions;
    private final EvaluatedEntries evaluated;
    private final Clock clock;

    SiteEvaluator(SiteDirectory sites, AlertRuleDirectory rules, SiteStateStore states, AlertLifecycle lifecycle,
            TransactionTemplate transactions, EvaluatedEntries evaluated, Clock clock) {
        this.clock = clock;
        this.evaluated = evaluated;
        this.sites = sites;
        this.rules = rules;
        this.states = states;
        this.lifecycle = lifecycle;
        this.transactions = transactions;
    }

    /**
     * @param entryId the stream entry's id, so a re-delivered entry that changed alerts already is
     *        recognised (its site state is then re-read from PostgreSQL instead)
     * @return the number of transitions the batch caused
     */
    public int evaluate(String siteId, String entryId, List<StreamedReading> batch) {
        SiteInfo site = sites.find(siteId).orElse(null);
        if (site == null || batch.isEmpty()) {
            return 0; // a deleted site's last readings: nothing to alert on
        }
        List<AlertRule> siteRules = rules.rulesOf(siteId).stream()
                .filter(rule -> rule.perReading() || rule.kind() == RuleKind.NO_DATA).toList();
        List<StreamedReading> readings = batch.stream().sorted(Comparator.comparingLong(StreamedReading::tsMs)).toList();
        return states.withSite(siteId, state -> transactions.execute(tx -> {
            if (evaluated.contains(entryId)) {
                states.rebuild(state); // its Redis state may never have been written
                return 0;
            }
            int transitions = apply(site, siteRules, readings, state);
            if (transitions > 0) {
                evaluated.record(entryId, siteId);
            }
            return transitions;
        }));
    }

    /** Housekeeping, from the silence watch. */
    public int forgetOldEntries() {
        return evaluated.forgetOld();
    }

    private int apply(SiteInfo site, List<AlertRule> siteRules, List<StreamedReading> readings, SiteState state) {
        int transitions = 0;
        if (state.lostAlertId() != null) {
            StreamedReading first = readings.get(0);
            if (lifecycle.resolve(UUID.fromString(state.lostAlertId()), null, Instant.ofEpochMilli(first.tsMs()))) {
                transitions++;
            }
            state.lost(null);
        }
        for (StreamedReading reading : readings) {
            // Silence is about arrival: a gateway replaying old readings is not silent.
            state.seen(reading.sensorId(), clock.millis());
            for (AlertRule rule : siteRules) {
                if (!reading.sensorId().equals(rule.sensorId())) {
                    continue;
                }
                RuleState before = state.rule(rule);
                RuleEvaluator.Step step = RuleEvaluator.apply(rule, before, new Sample(reading.tsMs(), reading.value()));
                RuleState after = step.state();
                Transition transition = step.transition();
                if (transition != null && transition.type() == Transition.Type.OPEN) {
                    Optional<UUID> alertId = lifecycle.open(new AlertLifecycle.Opening(rule.ruleId(), site.siteId(),
                            rule.sensorId(), rule.kind().wireName(), rule.severity(), transition.value(), rule.limit(),
                            message(rule, site.sensor(rule.sensorId()), transition.value()),
                            Instant.ofEpochMilli(transition.ts())));
                    if (alertId.isPresent()) {
                        after = after.withAlertId(alertId.get().toString());
                        transitions++;
                    } else {
                        after = after.withoutAlert(); // the rule was disabled since this replica read it
                    }
                } else if (transition != null && before.alertId() != null) {
                    if (lifecycle.resolve(UUID.fromString(before.alertId()), transition.value(),
                            Instant.ofEpochMilli(transition.ts()))) {
                        transitions++;
                    }
                    after = after.withAlertId(null);
                }
                state.rule(rule, after);
            }
        }
        return transitions;
    }

    /** What the alert says, in the sensor's unit: "b1-steam-pressure above 12.0 bar (12.6 bar)". */
    static String message(AlertRule rule, SensorInfo sensor, double value) {
        String unit = sensor == null ? "" : " " + sensor.unit();
        return switch (rule.kind()) {
            case THRESHOLD -> rule.sensorId() + " " + rule.operator() + " " + number(rule.limit()) + unit
                    + " (" + number(value) + unit + ")";
            case RATE_OF_CHANGE -> rule.sensorId() + " changing " + (rule.above() ? "faster than " : "slower than ")
                    + number(rule.limit()) + unit + "/h (" + number(value) + unit + "/h over " + rule.rateWindowS() + " s)";
            case FROZEN -> rule.sensorId() + " frozen at " + number(value) + unit + " for " + rule.frozenSamples()
                    + " readings";
            default -> rule.sensorId() + " " + rule.kind().wireName();
        };
    }

    static String number(double value) {
        return String.format(Locale.ROOT, "%.2f", value).replaceAll("\\.?0+$", "").replaceAll("^-0$", "0");
    }
}
