package org.steambytes.analytics.anomaly;

import java.util.Locale;

/** The three explainable detectors (docs/DOMAIN.md "Analytics"), by the names {@code anomalies.detector} stores. */
public enum Detector {
    ZSCORE, EWMA, CUSUM;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Detector fromWire(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
