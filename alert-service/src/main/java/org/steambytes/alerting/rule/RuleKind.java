package org.steambytes.alerting.rule;

import java.util.Locale;

/** What a rule watches. {@code anomaly} and {@code efficiency_drop} read ai-processor's results (a later issue). */
public enum RuleKind {
    THRESHOLD, RATE_OF_CHANGE, NO_DATA, FROZEN, ANOMALY, EFFICIENCY_DROP;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RuleKind of(String wireName) {
        return valueOf(wireName.toUpperCase(Locale.ROOT));
    }

    /** Evaluated on each reading of its sensor (the others by the silence watch or not here yet). */
    public boolean perReading() {
        return this == THRESHOLD || this == RATE_OF_CHANGE || this == FROZEN;
    }
}
