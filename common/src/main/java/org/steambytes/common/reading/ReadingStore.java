package org.steambytes.common.reading;

import java.time.Instant;
import java.util.List;

/**
 * The port to the readings history. InfluxDB implements it in full mode, a PostgreSQL table in
 * embedded mode; the rest of the code does not know which.
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

    /** Whether the store answers right now (cheap; used by health checks). */
    boolean isAvailable();
}
