package org.steambytes.api.alertrule;

import static org.steambytes.common.alert.RuleKind.ANOMALY;
import static org.steambytes.common.alert.RuleKind.EFFICIENCY_DROP;
import static org.steambytes.common.alert.RuleKind.FROZEN;
import static org.steambytes.common.alert.RuleKind.NO_DATA;
import static org.steambytes.common.alert.RuleKind.RATE_OF_CHANGE;
import static org.steambytes.common.alert.RuleKind.THRESHOLD;

import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.steambytes.common.alert.RuleKind;
import org.steambytes.common.alert.Severity;
import org.steambytes.common.problem.FieldProblem;

/**
 * Checks every field of a rule for its kind and fills in docs/DOMAIN.md's defaults (ISA-18.2 starting
 * values): deadband and on-delay by sensor type — pressure 2 % / 15 s, flow 5 % / 15 s, level 5 % /
 * 60 s, temperature 1 % / 60 s — the deadband as a share of the limit. An {@code anomaly} rule follows a
 * sensor's anomalies (of one {@code detector}, or any); an {@code efficiency_drop} rule watches the site's
 * efficiency ({@code method}: direct, combustion or either, the default) for a drop of {@code limit}
 * points below its 7-day median, a fall below {@code floor_pct}, or both.
 */
final class RuleValidator {

    private static final Set<String> DETECTORS = Set.of("zscore", "ewma", "cusum");
    private static final Set<String> METHODS = Set.of("direct", "combustion", "either");

    private RuleValidator() {
    }

    /** @param sensorType the type of the rule's sensor, or null when it names none (or an unknown one) */
    static RuleSpec validate(RuleDraft draft, String sensorType, boolean sensorKnown, List<FieldProblem> errors) {
        RuleKind kind = RuleKind.fromWire(draft.kind()).orElse(null);
        if (kind == null) {
            errors.add(FieldProblem.of("kind", "must be one of " + RuleKind.wireNames()));
            kind = THRESHOLD; // the other fields are still checked, as for a threshold rule
        }
        if (Severity.fromWire(draft.severity()).isEmpty()) {
            errors.add(FieldProblem.of("severity", "must be one of " + Severity.wireNames()));
        }
        boolean siteLevel = kind == EFFICIENCY_DROP;
        if (!siteLevel && draft.sensorId() == null) {
            errors.add(FieldProblem.of("sensor_id", "is required for a " + kind.wireName() + " rule"));
        } else if (siteLevel && draft.sensorId() != null) {
            errors.add(FieldProblem.of("sensor_id", "does not apply to a " + kind.wireName() + " rule: it watches the whole site"));
        } else if (draft.sensorId() != null && !sensorKnown) {
            errors.add(FieldProblem.of("sensor_id", "unknown sensor '" + draft.sensorId() + "' at this site"));
        }
        boolean needsLimit = kind == THRESHOLD || kind == RATE_OF_CHANGE;
        boolean needsOperator = kind == THRESHOLD || kind == RATE_OF_CHANGE;
        if (needsOperator && !"above".equals(draft.operator()) && !"below".equals(draft.operator())) {
            errors.add(FieldProblem.of("operator", "must be above or below"));
        } else if (!needsOperator && draft.operator() != null) {
            errors.add(FieldProblem.of("operator", "does not apply to a " + kind.wireName() + " rule"));
        }
        if (needsLimit && (draft.limit() == null || !Double.isFinite(draft.limit()))) {
            errors.add(FieldProblem.of("limit", "is required for a " + kind.wireName() + " rule"));
        } else if (kind == EFFICIENCY_DROP && draft.limit() == null && draft.floorPct() == null) {
            errors.add(FieldProblem.of("limit", "give limit (the drop in percentage points below the 7-day median),"
                    + " floor_pct or both"));
        } else if (kind == EFFICIENCY_DROP && draft.limit() != null && !(draft.limit() > 0 && Double.isFinite(draft.limit()))) {
            errors.add(FieldProblem.of("limit", "is the drop in percentage points and must be positive"));
        }
        onlyFor("detector", draft.detector(), kind, ANOMALY, errors, () -> DETECTORS.contains(draft.detector()),
                "must be zscore, ewma or cusum (or absent: any detector)");
        onlyFor("clear_after_s", draft.clearAfterS(), kind, ANOMALY, errors,
                () -> draft.clearAfterS() > 0 && draft.clearAfterS() <= 7 * 86_400, "must be between 1 and 604800");
        onlyFor("floor_pct", draft.floorPct(), kind, EFFICIENCY_DROP, errors,
                () -> draft.floorPct() > 0 && draft.floorPct() < 100, "must be above 0 and below 100 (percent)");
        onlyFor("method", draft.method(), kind, EFFICIENCY_DROP, errors, () -> METHODS.contains(draft.method()),
                "must be direct, combustion or either");
        if (draft.deadband() != null && (draft.deadband() < 0 || !Double.isFinite(draft.deadband()))) {
            errors.add(FieldProblem.of("deadband", "must be zero or more"));
        }
        if (draft.delayS() != null && (draft.delayS() < 0 || draft.delayS() > 86_400)) {
            errors.add(FieldProblem.of("delay_s", "must be between 0 and 86400"));
        }
        Integer window = draft.windowS();
        if (window != null && (window <= 0 || window > 7 * 86_400)) {
            errors.add(FieldProblem.of("window_s", "must be between 1 and 604800"));
        }
        if (kind == RATE_OF_CHANGE && window == null) {
            window = 600; // slope over the last 10 minutes
        }
        Integer samples = draft.samples();
        if (samples != null && (samples < 2 || samples > 10_000)) {
            errors.add(FieldProblem.of("samples", "must be between 2 and 10000"));
        }
        if (kind == FROZEN && samples == null) {
            samples = 10;
        }
        // A field the kind never reads is a misunderstanding worth naming, not something to store silently.
        notApplying("limit", draft.limit(), kind, errors, NO_DATA, FROZEN, ANOMALY);
        notApplying("deadband", draft.deadband(), kind, errors, NO_DATA, FROZEN, ANOMALY);
        notApplying("delay_s", draft.delayS(), kind, errors, NO_DATA);
        notApplying("window_s", draft.windowS(), kind, errors, THRESHOLD, FROZEN, ANOMALY, EFFICIENCY_DROP);
        notApplying("samples", draft.samples(), kind, errors, THRESHOLD, RATE_OF_CHANGE, NO_DATA, ANOMALY, EFFICIENCY_DROP);
        if (draft.name() != null && draft.name().length() > 200) {
            errors.add(FieldProblem.of("name", "must be at most 200 characters"));
        }
        Defaults defaults = Defaults.forType(sensorType);
        double deadband = draft.deadband() != null ? draft.deadband()
                : kind == THRESHOLD && draft.limit() != null ? Math.abs(draft.limit()) * defaults.deadbandShare() : 0;
        int delay = draft.delayS() != null ? draft.delayS() : kind == THRESHOLD ? defaults.delayS() : 0;
        String method = kind == EFFICIENCY_DROP && draft.method() == null ? "either" : draft.method();
        return new RuleSpec(draft.sensorId(), kind.wireName(), draft.operator(), draft.limit(), deadband, delay, window, samples,
                draft.severity(), draft.enabled() == null || draft.enabled(), draft.name(), draft.detector(),
                draft.clearAfterS(), draft.floorPct(), method);
    }

    record Defaults(double deadbandShare, int delayS) {

        static Defaults forType(String sensorType) {
            if (sensorType == null) {
                return new Defaults(0, 0);
            }
            if (sensorType.contains("pressure")) {
                return new Defaults(0.02, 15);
            }
            if (sensorType.endsWith("_flow")) {
                return new Defaults(0.05, 15);
            }
            if (sensorType.contains("level")) {
                return new Defaults(0.05, 60);
            }
            if (sensorType.contains("temperature")) {
                return new Defaults(0.01, 60);
            }
            return new Defaults(0, 0);
        }
    }

    /** A field of one kind only: refused for the others, and checked by {@code valid} for its own. */
    private static void onlyFor(String field, Object value, RuleKind kind, RuleKind owner, List<FieldProblem> errors,
            BooleanSupplier valid, String rule) {
        if (value == null) {
            return;
        }
        if (kind != owner) {
            errors.add(FieldProblem.of(field, "does not apply to a " + kind.wireName() + " rule (only " + owner.wireName() + ")"));
        } else if (value instanceof Double number && !Double.isFinite(number) || !valid.getAsBoolean()) {
            errors.add(FieldProblem.of(field, rule));
        }
    }

    private static void notApplying(String field, Object value, RuleKind kind, List<FieldProblem> errors,
            RuleKind... kindsNotReadingIt) {
        // Zero is what a rule of such a kind reads back for deadband and delay_s: sending it again is fine.
        boolean given = value != null && !(value instanceof Number number && number.doubleValue() == 0);
        if (given && List.of(kindsNotReadingIt).contains(kind)
                && errors.stream().noneMatch(error -> field.equals(error.field()))) {
            errors.add(FieldProblem.of(field, "does not apply to a " + kind.wireName() + " rule"));
        }
    }
}
