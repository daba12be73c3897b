package org.steambytes.common.alert;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What an alert rule watches (docs/API.md "Alert rules"): written by frontend-api, evaluated by
 * alert-service. The wire name is the enum's name in lower case ({@code rate_of_change}).
 */
public enum RuleKind {
    THRESHOLD, RATE_OF_CHANGE, NO_DATA, FROZEN, ANOMALY, EFFICIENCY_DROP;

    /** The kind as the API, the {@code alert_rules.kind} column and {@code alerts.kind} spell it. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind of a wire name; empty for anything else (null included). */
    public static Optional<RuleKind> fromWire(String wireName) {
        return Arrays.stream(values()).filter(kind -> kind.wireName().equals(wireName)).findFirst();
    }

    /** The kind of a wire name a store holds; an unknown one is a broken row. */
    public static RuleKind of(String wireName) {
        return fromWire(wireName).orElseThrow(() -> new IllegalArgumentException("unknown rule kind " + wireName));
    }

    /** Every wire name, alphabetically, for error messages ("must be one of …"). */
    public static String wireNames() {
        return Arrays.stream(values()).map(RuleKind::wireName).sorted().collect(Collectors.joining(", "));
    }
}
