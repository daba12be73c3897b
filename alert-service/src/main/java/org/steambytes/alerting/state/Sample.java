package org.steambytes.alerting.state;

/** One reading of one sensor: millisecond time and value. */
public record Sample(long ts, double value) {
}
