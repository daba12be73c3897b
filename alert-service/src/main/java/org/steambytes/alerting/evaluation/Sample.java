package org.steambytes.alerting.evaluation;

/** One reading of one sensor: millisecond time and value. */
public record Sample(long ts, double value) {
}
