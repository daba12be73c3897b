package org.steambytes.dashboard.api;

import java.time.OffsetDateTime;

/** One bucket of a history answer; value null when the bucket has no readings. */
public record HistoryPoint(OffsetDateTime timestamp, Double value) {
}
