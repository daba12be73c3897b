package org.steambytes.alerting.evaluation;

/**
 * An alert should open or resolve because of a reading at {@code ts}: {@code value} is what the rule
 * judged (the reading, or the slope per hour of a rate rule).
 */
public record Transition(Type type, double value, long ts) {

    public enum Type { OPEN, RESOLVE }
}
