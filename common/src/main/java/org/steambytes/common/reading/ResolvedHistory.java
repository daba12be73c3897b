package org.steambytes.common.reading;

import java.util.List;

/** A history answer and the resolution it was read from ({@link ReadingStore#resolvedHistory}). */
public record ResolvedHistory(Resolution resolution, List<HistoryBucket> buckets) {
}
