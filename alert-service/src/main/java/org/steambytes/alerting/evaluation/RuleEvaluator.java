package org.steambytes.alerting.evaluation;

import java.util.ArrayList;
import java.util.List;
import org.steambytes.alerting.state.RuleState;
import org.steambytes.alerting.state.Sample;
import org.steambytes.alerting.rule.AlertRule;
import org.steambytes.common.alert.RuleKind;

/**
 * The semantics of the per-reading rule kinds, as a pure function of (rule, state, reading).
 * <ul>
 * <li>An alert opens only after its condition has held for the rule's on-delay ({@code delay_s}),
 *     measured in reading time; any reading without the condition restarts the delay.</li>
 * <li>It resolves only once the value is back past the limit by the deadband and has stayed there for
 *     the same delay (the off-delay; any reading not clear restarts it); in between it stays, so a
 *     signal oscillating around the limit, even one that dips past the deadband now and then, opens
 *     once and never chatters.</li>
 * <li>threshold: the reading above/below {@code limit}. rate_of_change: the least-squares slope per
 *     hour over the last {@code window_s} (judged once the window holds ≥ 3 readings spanning half
 *     of it). frozen: the last {@code samples} readings all equal. no_data: a reading resolves.</li>
 * </ul>
 */
public final class RuleEvaluator {

    enum Condition { BREACH, CLEAR, BETWEEN, UNKNOWN }

    /** The state after the reading, and the transition it caused (or null). */
    public record Step(RuleState state, Transition transition) {
    }

    private RuleEvaluator() {
    }

    public static Step apply(AlertRule rule, RuleState state, Sample sample) {
        if (state.lastTs() != null && sample.ts() <= state.lastTs()) {
            return new Step(state, null); // seen already (re-delivered) or out of order
        }
        List<Sample> window = window(rule, state.window(), sample);
        Condition condition;
        double judged = sample.value();
        switch (rule.kind()) {
            case THRESHOLD -> condition = threshold(rule, sample.value());
            case RATE_OF_CHANGE -> {
                Double slope = slopePerHour(window, rule.rateWindowS());
                condition = slope == null ? Condition.UNKNOWN : threshold(rule, slope);
                judged = slope == null ? Double.NaN : slope;
            }
            case FROZEN -> condition = frozen(rule, window);
            case NO_DATA -> condition = Condition.CLEAR;
            default -> condition = Condition.UNKNOWN;
        }
        if (condition == Condition.UNKNOWN) {
            return new Step(new RuleState(state.active(), state.alertId(), state.pendingSince(), sample.ts(), window), null);
        }
        if (!state.active()) {
            if (condition != Condition.BREACH) { // no_data is always CLEAR here: a reading never opens it
                return new Step(new RuleState(false, null, null, sample.ts(), window), null);
            }
            long pendingSince = state.pendingSince() == null ? sample.ts() : state.pendingSince();
            if (sample.ts() - pendingSince >= rule.delayS() * 1000L) {
                return new Step(new RuleState(true, null, null, sample.ts(), window),
                        new Transition(Transition.Type.OPEN, judged, sample.ts()));
            }
            return new Step(new RuleState(false, null, pendingSince, sample.ts(), window), null);
        }
        if (condition == Condition.CLEAR) {
            // The off-delay: cleared for delay_s as well (no_data clears on the reading itself).
            long clearSince = state.pendingSince() == null ? sample.ts() : state.pendingSince();
            if (rule.kind() == RuleKind.NO_DATA || sample.ts() - clearSince >= rule.delayS() * 1000L) {
                return new Step(new RuleState(false, state.alertId(), null, sample.ts(), window),
                        new Transition(Transition.Type.RESOLVE, judged, sample.ts()));
            }
            return new Step(new RuleState(true, state.alertId(), clearSince, sample.ts(), window), null);
        }
        return new Step(new RuleState(true, state.alertId(), null, sample.ts(), window), null);
    }

    private static Condition threshold(AlertRule rule, double value) {
        double limit = rule.limit();
        if (rule.above()) {
            return value > limit ? Condition.BREACH : value <= limit - rule.deadband() ? Condition.CLEAR : Condition.BETWEEN;
        }
        return value < limit ? Condition.BREACH : value >= limit + rule.deadband() ? Condition.CLEAR : Condition.BETWEEN;
    }

    private static Condition frozen(AlertRule rule, List<Sample> window) {
        if (window.size() < 2) {
            return Condition.UNKNOWN;
        }
        double first = window.get(0).value();
        boolean allEqual = window.stream().allMatch(s -> s.value() == first);
        if (allEqual) {
            return window.size() >= rule.frozenSamples() ? Condition.BREACH : Condition.BETWEEN;
        }
        Sample last = window.get(window.size() - 1);
        Sample previous = window.get(window.size() - 2);
        return last.value() != previous.value() ? Condition.CLEAR : Condition.BETWEEN;
    }

    /** The readings a rule keeps: a time window for rates, the last N for frozen, none otherwise. */
    private static List<Sample> window(AlertRule rule, List<Sample> previous, Sample sample) {
        List<Sample> window;
        switch (rule.kind()) {
            case RATE_OF_CHANGE -> {
                long from = sample.ts() - rule.rateWindowS() * 1000L;
                window = new ArrayList<>(previous.stream().filter(s -> s.ts() >= from).toList());
                window.add(sample);
            }
            case FROZEN -> {
                window = new ArrayList<>(previous);
                window.add(sample);
                while (window.size() > rule.frozenSamples()) {
                    window.remove(0);
                }
            }
            default -> window = List.of();
        }
        return List.copyOf(window);
    }

    /** Least-squares slope of value over time, per hour; null until the window can say. */
    static Double slopePerHour(List<Sample> window, int windowS) {
        if (window.size() < 3) {
            return null;
        }
        long t0 = window.get(0).ts();
        long span = window.get(window.size() - 1).ts() - t0;
        if (span < windowS * 1000L / 2) {
            return null;
        }
        double n = window.size();
        double sumT = 0;
        double sumV = 0;
        for (Sample s : window) {
            sumT += (s.ts() - t0) / 3_600_000.0;
            sumV += s.value();
        }
        double meanT = sumT / n;
        double meanV = sumV / n;
        double covariance = 0;
        double variance = 0;
        for (Sample s : window) {
            double t = (s.ts() - t0) / 3_600_000.0 - meanT;
            covariance += t * (s.value() - meanV);
            variance += t * t;
        }
        return variance == 0 ? null : covariance / variance;
    }
}
