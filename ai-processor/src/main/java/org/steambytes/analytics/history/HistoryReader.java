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
import org.steambytes.common.history.SiteHistories;
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
        return read(query, List.of(query.sensorId())).histories().get(0);
    }

    /**
     * Several sensors of one site over {@code window}'s window, interval, aggregate and zone (its own sensor
     * is ignored), each history exactly as {@link #read(HistoryQuery)} gives it, in the order of
     * {@code sensorIds} (none: no histories): the cached closed
     * buckets of all of them in one Redis round trip (after the generation's), whatever the store must still
     * answer (the open buckets, the one {@code from} cuts into, the missing closed ones) in one
     * {@link ReadingStore#histories} call, what it read cached in one pipeline.
     */
    public SiteHistories read(HistoryQuery window, List<String> sensorIds) {
        List<HistoryQuery> queries = sensorIds.stream().map(window::forSensor).toList();
        HistoryQuery first = window;
        Resolution resolution;
        List<List<HistoryBucket>> answers;
        try {
            resolution = store.resolutionFor(first.from());
            if (queries.isEmpty()) {
                answers = List.of();
            } else if (resolution == Resolution.RAW) {
                answers = buckets(queries);
            } else {
                answers = new ArrayList<>(queries.size());
                for (HistoryQuery query : queries) {
                    answers.add(store.history(query, resolution));
                }
            }
        } catch (ReadingStoreUnavailableException e) {
            throw new HistoryUnavailableException(e);
        }
        DateTimeFormatter format = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(first.zone());
        List<History> histories = new ArrayList<>(queries.size());
        for (int i = 0; i < queries.size(); i++) {
            HistoryQuery query = queries.get(i);
            List<HistoryBucket> buckets = answers.get(i);
            if (buckets.size() > HistoryQuery.MAX_POINTS) {
                throw HistoryQuery.tooManyPoints(buckets.size());
            }
            List<HistoryPoint> points = buckets.stream()
                    .map(bucket -> new HistoryPoint(format.format(bucket.start()), bucket.value())).toList();
            histories.add(new History(query.siteId(), query.sensorId(), query.aggregate().wireName(),
                    query.interval().text(), query.timezone(), query.from(), query.to(), points, resolution.wireName()));
        }
        return new SiteHistories(first.siteId(), first.aggregate().wireName(), first.interval().text(),
                first.timezone(), first.from(), first.to(), resolution.wireName(), histories);
    }

    /** Where the cache ends: the start of the UTC hour {@code settle} ago (iot-ingestion's "late" is before its current hour). */
    Instant cut() {
        return clock.instant().minus(settle).truncatedTo(ChronoUnit.HOURS);
    }

    /** What the store must answer for one sensor: parts of its grid, or its whole query (then taken as it comes). */
    private record Part(int sensor, HistoryQuery query, int first, int end, boolean whole) {
    }

    private List<List<HistoryBucket>> buckets(List<HistoryQuery> queries) {
        if (!cacheEnabled) {
            return store.histories(queries);
        }
        // The grid depends on the window, interval and zone only: one plan serves every sensor.
        BucketPlan plan = BucketPlan.of(queries.get(0), cut());
        HistoryQuery head = plan.head();
        HistoryQuery tail = plan.tail();
        if (plan.cachesNothing() || (head != null && !plan.fits(head, 0))
                || (tail != null && !plan.fits(tail, plan.endCached()))) {
            return store.histories(queries);
        }
        List<String> keys = cache.keys(queries); // the generation first: a bump after this read leaves what we cache unread
        List<List<String>> cached = keys == null ? null
                : cache.read(keys, plan.starts(), plan.firstCached(), plan.endCached());
        if (cached == null) {
            return store.histories(queries);
        }
        long[] starts = plan.bucketStarts();
        Double[][] values = new Double[queries.size()][];
        int[] firstMisses = new int[queries.size()];
        int[] endMisses = new int[queries.size()];
        // Everything the store still has to answer, for every sensor, goes in one round trip: per sensor the
        // span of its missing closed buckets (usually all of them, or the one that closed last), the bucket
        // 'from' cuts into, the open ones.
        List<Part> parts = new ArrayList<>(3 * queries.size());
        for (int sensor = 0; sensor < queries.size(); sensor++) {
            HistoryQuery query = queries.get(sensor);
            HistoryQuery sensorHead = head == null ? null : head.forSensor(query.sensorId());
            HistoryQuery sensorTail = tail == null ? null : tail.forSensor(query.sensorId());
            values[sensor] = new Double[starts.length];
            int firstMiss = -1;
            int endMiss = -1;
            List<String> own = cached.get(sensor);
            for (int i = plan.firstCached(); i < plan.endCached(); i++) {
                String value = own.get(i - plan.firstCached());
                if (value == null) {
                    firstMiss = firstMiss < 0 ? i : firstMiss;
                    endMiss = i + 1;
                } else {
                    values[sensor][i] = value.isEmpty() ? null : Double.valueOf(value);
                }
            }
            if (firstMiss >= 0) {
                HistoryQuery span = plan.span(firstMiss, endMiss).forSensor(query.sensorId());
                if (!plan.fits(span, firstMiss)) {
                    parts.add(new Part(sensor, query, 0, 0, true));
                    firstMisses[sensor] = -1;
                    continue;
                }
                parts.add(new Part(sensor, span, firstMiss, endMiss, false));
            }
            firstMisses[sensor] = firstMiss;
            endMisses[sensor] = endMiss;
            if (sensorHead != null) {
                parts.add(new Part(sensor, sensorHead, 0, 1, false));
            }
            if (sensorTail != null) {
                parts.add(new Part(sensor, sensorTail, plan.endCached(), starts.length, false));
            }
        }
        List<List<HistoryBucket>> read = parts.isEmpty() ? List.of()
                : store.histories(parts.stream().map(Part::query).toList());
        List<List<HistoryBucket>> answers = new ArrayList<>(queries.size());
        for (int sensor = 0; sensor < queries.size(); sensor++) {
            answers.add(null);
        }
        for (int i = 0; i < parts.size(); i++) {
            Part part = parts.get(i);
            if (part.whole()) {
                answers.set(part.sensor(), read.get(i));
            } else {
                put(read.get(i), starts, values[part.sensor()], part.first(), part.end(), part.query().aggregate());
            }
        }
        List<ClosedBucketCache.Fill> fills = new ArrayList<>();
        long missed = 0;
        long hit = 0;
        for (int sensor = 0; sensor < queries.size(); sensor++) {
            if (answers.get(sensor) != null) {
                continue; // read whole: nothing cached, nothing counted (as before a multi-sensor read)
            }
            int sensorMissed = firstMisses[sensor] < 0 ? 0 : endMisses[sensor] - firstMisses[sensor];
            if (sensorMissed > 0) {
                fills.add(new ClosedBucketCache.Fill(keys.get(sensor), starts, values[sensor], firstMisses[sensor],
                        endMisses[sensor]));
            }
            missed += sensorMissed;
            hit += plan.endCached() - plan.firstCached() - sensorMissed;
            answers.set(sensor, assemble(starts, values[sensor], queries.get(sensor).aggregate()));
        }
        cache.fill(fills);
        if (missed > 0) {
            misses.increment(missed);
        }
        hits.increment(hit);
        return answers;
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
