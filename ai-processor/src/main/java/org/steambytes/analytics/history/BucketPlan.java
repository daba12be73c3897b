package org.steambytes.analytics.history;

import java.time.Instant;
import java.util.Arrays;
import org.steambytes.common.history.HistoryQuery;
import org.steambytes.common.reading.BucketGrid;

/**
 * How a history query splits between the closed-bucket cache and the store. {@code starts} are the
 * query's buckets and one more (where the last one ends); of them {@code [firstCached, endCached)} are
 * whole (inside {@code [from, to)}) and ended at or before {@code cut}, so they may come from the cache.
 * Before them, at most the one bucket {@code from} cuts into (its value depends on {@code from}); after
 * them, the buckets that have not closed yet or that {@code to} cuts into: both are read from the store
 * every time.
 */
record BucketPlan(HistoryQuery query, long[] starts, int buckets, int firstCached, int endCached) {

    static BucketPlan of(HistoryQuery query, Instant cut) {
        long width = query.interval().duration().toMillis();
        // Laid from the same 'from', a longer window gives the same buckets and where the last one ends.
        long[] starts = BucketGrid.starts(window(query, query.from(), query.to().plusMillis(2 * width)));
        int buckets = BucketGrid.starts(query).length;
        long limit = Math.min(query.to().toEpochMilli(), cut.toEpochMilli());
        int first = starts[0] == query.from().toEpochMilli() ? 0 : 1;
        int end = first;
        while (end < buckets && starts[end + 1] <= limit) {
            end++;
        }
        return new BucketPlan(query, starts, buckets, first, Math.max(first, end));
    }

    boolean cachesNothing() {
        return endCached <= firstCached;
    }

    /** The bucket {@code from} cuts into, if it is not cached: read from {@code from} to where it ends. */
    HistoryQuery head() {
        return firstCached == 0 ? null : window(query, query.from(), Instant.ofEpochMilli(starts[1]));
    }

    /** The buckets after the cached ones, read from where the last cached one ends to {@code to}. */
    HistoryQuery tail() {
        return endCached >= buckets ? null : window(query, Instant.ofEpochMilli(starts[endCached]), query.to());
    }

    /** Whole buckets {@code [first, end)} as one query. */
    HistoryQuery span(int first, int end) {
        return window(query, Instant.ofEpochMilli(starts[first]), Instant.ofEpochMilli(starts[end]));
    }

    /**
     * Whether the store lays {@code part} (starting at bucket {@code first}) on this query's grid: true but
     * where a zone's offset moves by less than an hour (docs: common's BucketGrid), then the query is read whole.
     */
    boolean fits(HistoryQuery part, int first) {
        long[] own = BucketGrid.starts(part);
        return first + own.length <= buckets && Arrays.equals(own, 0, own.length, starts, first, first + own.length);
    }

    /** The query's bucket starts (without the end of the last one). */
    long[] bucketStarts() {
        return Arrays.copyOf(starts, buckets);
    }

    private static HistoryQuery window(HistoryQuery query, Instant from, Instant to) {
        return new HistoryQuery(query.siteId(), query.sensorId(), from, to, query.interval(), query.aggregate(),
                query.zone());
    }
}
