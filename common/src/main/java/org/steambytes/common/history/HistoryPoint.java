package org.steambytes.common.history;

/**
 * One bucket: {@code timestamp} is the bucket's start as an ISO-8601 date-time with the offset of the query's
 * time zone ({@code 2026-03-29T00:00:00+01:00}); {@code value} is null when the bucket holds no
 * reading (0 for {@code count}).
 */
public record HistoryPoint(String timestamp, Double value) {
}
