package org.steambytes.common.alert;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How urgent an alert is (docs/DOMAIN.md "Alerting practice": roughly 80 % low, 15 % medium, 5 %
 * high): critical and high alerts are re-notified and escalated, low ones go out as a digest.
 */
public enum Severity {
    CRITICAL, HIGH, MEDIUM, LOW;

    /** The severity as the API and the {@code severity} columns spell it. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The severity of a wire name; empty for anything else (null included). */
    public static Optional<Severity> fromWire(String wireName) {
        return Arrays.stream(values()).filter(severity -> severity.wireName().equals(wireName)).findFirst();
    }

    /** Every wire name, most urgent first, for error messages ("must be one of …"). */
    public static String wireNames() {
        return String.join(", ", Arrays.stream(values()).map(Severity::wireName).toList());
    }

    /** The severity of a wire name a store holds; an unknown one is a broken row. */
    public static Severity of(String wireName) {
        return fromWire(wireName).orElseThrow(() -> new IllegalArgumentException("unknown severity " + wireName));
    }
}
