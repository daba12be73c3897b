package org.steambytes.analytics.history;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.steambytes.analytics.AnalyticsProperties;
import org.steambytes.common.history.Aggregate;
import org.steambytes.common.history.History;
import org.steambytes.common.history.HistoryPoint;
import org.steambytes.common.history.HistoryQuery;
import org.steambytes.common.problem.ProblemException;
import org.steambytes.common.reading.HistoryBucket;
import org.steambytes.common.reading.ReadingStore;
import org.steambytes.common.reading.ReadingStoreUnavailableException;
import org.steambytes.common.reading.Resolution;

/**
 * Bucketed history of one sensor from the reading store ({@link ReadingStore#history}): buckets start
 * at local multiples of the interval (a day at local midnight, also on the 23- and 25-hour days of
 * daylight-saving changes). Empty buckets come back with a null value ({@code count}: 0); a window
 * without any reading of the sensor has no buckets at all. The first bucket is the one {@code from}
 * falls in, counting only readings from {@code from} on; {@code to} is exclusive. Read from the finest
 * resolution whose retention covers {@code from} (raw readings, 1-minute or hourly rollups), named in
 * the answer.
 *
 * <p>Closed buckets of raw readings come from a cache (docs/ARCHITECTURE.md, "History cache"): a whole
 * bucket that ended before the current UTC hour began (less {@code settle}) is read from the store once
 * per site history generation and kept in Redis; iot-ingestion moves the generation on when it stores a
 * reading older than the current hour, so a late reading is never hidden. The bucket {@code from} cuts
 * into and the buckets of the current hour are read from the store on every request. Rollups are not
 * cached: the rollup job writes them after the fact, without moving the generation.
 */
@Component
public class HistoryReader {

    private final ReadingStore store;
    private final ClosedBucketCache cache;
    private final Clock clock;
    private final Duration settle;
    private final boolean cacheEnabled;
    private final Counter hits;
    private final Counter misses;

    HistoryReader(ReadingStore store, StringRedisTemplate redis, AnalyticsProperties properties, Clock clock,
            MeterRegistry meters) {
        this.store = store;
        this.cache = new ClosedBucketCache(redis, properties.cacheNamespace(), properties.historyCache().ttl());
        this.clock = clock;
        this.settle = properties.historyCache().settle();
        this.cacheEnabled = properties.historyCache().enabled();
        this.hits = Counter.builder("history.cache.buckets").tag("result", "hit")
                .description("closed history buckets served from the cache").register(meters);
        this.misses = Counter.builder("history.cache.buckets").tag("result", "miss")
                .description("closed history buckets read from the store and cached").register(meters);
    }

    public History read(HistoryQuery query) {
        Resolution resolution;
        List<HistoryBucket> buckets;
        try {
            resolution = store.resolutionFor(query.from());
            buckets = resolution == Resolution.RAW ? buckets(query) : store.history(query, resolution);
        } catch (ReadingStoreUnavailableException e) {
            throw new HistoryUnavailableException(e);
        }
        if (buckets.size() > HistoryQuery.MAX_POINTS) {
            throw HistoryQuery.tooManyPoints(buckets.size());
        }
        DateTimeFormatter format = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(query.zone());
        List<HistoryPoint> points = buckets.stream()
                .map(bucket -> new HistoryPoint(format.format(bucket.start()), bucket.value())).toList();
        return new History(query.siteId(), query.sensorId(), query.aggregate().wireName(), query.interval().text(),
                query.timezone(), query.from(), query.to(), points, resolution.wireName());
    }

    /** Where the cache ends: the start of the UTC hour {@code settle} ago (iot-ingestion's "late" is before its current hour). */
    Instant cut() {
        return clock.instant().minus(settle).truncatedTo(ChronoUnit.HOURS);
    }

    private List<HistoryBucket> buckets(HistoryQuery query) {
        if (!cacheEnabled) {
            return store.history(query);
        }
        BucketPlan plan = BucketPlan.of(query, cut());
        HistoryQuery head = plan.head();
        HistoryQuery tail = plan.tail();
        if (plan.cachesNothing() || (head != null && !plan.fits(head, 0))
                || (tail != null && !plan.fits(tail, plan.endCached()))) {
            return store.history(query);
        }
        String key = cache.key(query); // the generation first: a bump after this read leaves what we cache unread
        List<String> cached = key == null ? null : cache.read(key, plan.starts(), plan.firstCached(), plan.endCached());
        if (cached == null) {
            return store.history(query);
        }
        long[] starts = plan.bucketStarts();
        Double[] values = new Double[starts.length];
        int firstMiss = -1;
        int endMiss = -1;
        for (int i = plan.firstCached(); i < plan.endCached(); i++) {
            String value = cached.get(i - plan.firstCached());
            if (value == null) {
                firstMiss = firstMiss < 0 ? i : firstMiss;
                endMiss = i + 1;
            } else {
                values[i] = value.isEmpty() ? null : Double.valueOf(value);
            }
        }
        // Everything the store still has to answer goes in one round trip: the span of the missing closed
        // buckets (usually all of them, or the one that closed last), the bucket 'from' cuts into, the open ones.
        List<HistoryQuery> parts = new ArrayList<>(3);
        List<int[]> ranges = new ArrayList<>(3);
        if (firstMiss >= 0) {
            HistoryQuery span = plan.span(firstMiss, endMiss);
            if (!plan.fits(span, firstMiss)) {
                return store.history(query);
            }
            parts.add(span);
            ranges.add(new int[] {firstMiss, endMiss});
        }
        if (head != null) {
            parts.add(head);
            ranges.add(new int[] {0, 1});
        }
        if (tail != null) {
            parts.add(tail);
            ranges.add(new int[] {plan.endCached(), starts.length});
        }
        List<List<HistoryBucket>> answers = parts.isEmpty() ? List.of() : store.histories(parts);
        for (int i = 0; i < parts.size(); i++) {
            put(answers.get(i), starts, values, ranges.get(i)[0], ranges.get(i)[1], query.aggregate());
        }
        int missed = firstMiss < 0 ? 0 : endMiss - firstMiss;
        if (missed > 0) {
            cache.fill(key, starts, values, firstMiss, endMiss);
            misses.increment(missed);
        }
        hits.increment(plan.endCached() - plan.firstCached() - missed);
        return assemble(starts, values, query.aggregate());
    }

    /** Puts a part's answer into buckets {@code [first, end)}; a bucket it does not have is empty. */
    private static void put(List<HistoryBucket> answer, long[] starts, Double[] values, int first, int end,
            Aggregate aggregate) {
        Arrays.fill(values, first, end, aggregate == Aggregate.COUNT ? 0.0 : null);
        for (HistoryBucket bucket : answer) {
            int index = Arrays.binarySearch(starts, first, end, bucket.start().toEpochMilli());
            if (index >= 0) {
                values[index] = bucket.value();
            }
        }
    }

    /** The store's shape: every bucket of the grid, or none when not one holds a reading. */
    private static List<HistoryBucket> assemble(long[] starts, Double[] values, Aggregate aggregate) {
        boolean any = false;
        for (Double value : values) {
            any |= value != null && !(aggregate == Aggregate.COUNT && value == 0.0);
        }
        if (!any) {
            return List.of();
        }
        List<HistoryBucket> buckets = new ArrayList<>(starts.length);
        for (int i = 0; i < starts.length; i++) {
            buckets.add(new HistoryBucket(Instant.ofEpochMilli(starts[i]), values[i]));
        }
        return buckets;
    }

    /** InfluxDB cannot answer now: 503 with Retry-After, the caller may try again. */
    static final class HistoryUnavailableException extends ProblemException {

        HistoryUnavailableException(Throwable cause) {
            super(HttpStatus.SERVICE_UNAVAILABLE, "history_unavailable",
                    "The readings history (InfluxDB) cannot be reached right now. Retry shortly.", cause);
            withHeader("Retry-After", "10");
        }
    }
}
