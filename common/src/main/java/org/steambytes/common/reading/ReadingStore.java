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
     * Several {@link #history} queries (any sites, sensors, windows, intervals, aggregates and zones)
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

    /** Whether the store answers right now (cheap; used by health checks). */
    boolean isAvailable();
}
