package org.steambytes.common.reading;

import java.time.Instant;

/** One bucket of a sensor's history: where it starts and its aggregate (null for an empty bucket). */
public record HistoryBucket(Instant start, Double value) {
}
