package org.steambytes.common.reading;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.steambytes.common.history.HistoryQuery;

/**
 * The port to the readings history: every reading goes in and out through it, and no InfluxQL is
 * written anywhere else. InfluxDB implements it ({@link InfluxReadingStore}), and so does a
 * PostgreSQL table ({@link PostgresReadingStore}, for the embedded mode, docs/ARCHITECTURE.md §2 and
 * §6); {@code steambytes.readings.store} chooses, and the rest of the code does not know which.
 */
public interface ReadingStore {

    /**
     * Stores the readings; when this returns they are durable in the store. Re-writing a reading with
     * the same site, sensor and timestamp replaces it.
     *
     * @throws ReadingStoreUnavailableException when the store cannot be reached (retry later)
     * @throws ReadingsRefusedException when the store refuses these readings for good
     */
    void write(List<Reading> readings);

    /** Raw readings of one sensor in {@code [from, to)}, oldest first. */
    List<Reading> findReadings(String siteId, String sensorId, Instant from, Instant to);

    /**
     * Every sensor's raw readings of one site in {@code [from, to)}, one series per sensor (in no
     * particular order), each oldest first: one query per site, whatever its number of sensors.
     *
     * @throws ReadingStoreUnavailableException when the store cannot be reached (retry later)
     */
    List<SensorSeries> siteWindow(String siteId, Instant from, Instant to);

    /**
     * One sensor's readings in {@code [from, to)} aggregated per interval, buckets aligned to local
     * multiples of the interval in the query's time zone (a day starts at local midnight, also on
     * daylight-saving days); empty buckets have a null value ({@code count}: 0), and a window without
     * any reading of the sensor has no buckets. Oldest first.
     *
     * @throws ReadingStoreUnavailableException when the store cannot be reached (retry later)
     */
    List<HistoryBucket> history(HistoryQuery query);

    /**
     * Several {@link #history(HistoryQuery)} queries of raw readings (any sites, sensors, windows, intervals, aggregates and zones)
     * answered in one round trip where the store can: each answer exactly as {@link #history} gives it,
     * in the order of {@code queries}. A store without such a round trip answers them one by one.
     *
     * @throws ReadingStoreUnavailableException when the store cannot be reached (retry later)
     */
    default List<List<HistoryBucket>> histories(List<HistoryQuery> queries) {
        List<List<HistoryBucket>> answers = new ArrayList<>(queries.size());
        for (HistoryQuery query : queries) {
            answers.add(history(query));
        }
        return answers;
    }

    /**
     * Computes the rollups of {@code resolution} (1-minute from the raw readings, hourly from the
     * 1-minute rollups) of every site and sensor for the buckets in {@code [from, to)}, both moved down
     * to a bucket start; a bucket without readings gets no rollup. Re-running a window recomputes and
     * replaces its rollups (late readings are taken in), never duplicates them; a rollup whose source
     * has meanwhile expired is left as it is. Returns how many rollups were written.
     *
     * @throws ReadingStoreUnavailableException when the store cannot be reached (retry later)
     */
    long rollUp(Resolution resolution, Instant from, Instant to);

    /**
     * As {@link #rollUp(Resolution, Instant, Instant)}, for one site only: a site's catch-up batch of
     * yesterday's readings recomputes that site's yesterday, not every site's.
     *
     * @throws ReadingStoreUnavailableException when the store cannot be reached (retry later)
     */
    long rollUpSite(Resolution resolution, String siteId, Instant from, Instant to);

    /**
     * As {@link #history(HistoryQuery)}, read from the rollups of {@code resolution} (raw: the readings
     * themselves): mean is the count-weighted mean of the rollups, min the least min, max the greatest
     * max, sum the sum of sums, count the sum of counts, last the newest rollup's last. A rollup read
     * starts at the rollup bucket holding {@code from}, and a rollup counts whole in the bucket its
     * start falls in, so buckets narrower than the resolution (or not aligned to it) are sparse.
     *
     * @throws ReadingStoreUnavailableException when the store cannot be reached (retry later)
     */
    List<HistoryBucket> history(HistoryQuery query, Resolution resolution);

    /** The finest resolution whose retention still covers {@code from} now (by the store's clock). */
    Resolution resolutionFor(Instant from);

    /**
     * The history from the finest resolution whose retention covers the query's {@code from}
     * ({@link #resolutionFor}), and which one that was: a one-hour chart reads raw readings, a chart
     * reaching beyond the raw retention 1-minute rollups, beyond theirs hourly ones.
     *
     * @throws ReadingStoreUnavailableException when the store cannot be reached (retry later)
     */
    default ResolvedHistory resolvedHistory(HistoryQuery query) {
        Resolution resolution = resolutionFor(query.from());
        return new ResolvedHistory(resolution, history(query, resolution));
    }

    /** Whether the store answers right now (cheap; used by health checks). */
    boolean isAvailable();
}
