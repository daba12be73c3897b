package org.steambytes.common.reading;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import org.steambytes.common.history.Aggregate;
import org.steambytes.common.history.HistoryQuery;

/**
 * {@link ReadingStore} over the PostgreSQL table {@code readings} (db/migrations V8), for the embedded
 * mode and wherever InfluxDB is not wanted (docs/ARCHITECTURE.md §2 "Readings in PostgreSQL").
 * Behaves as {@link InfluxReadingStore} does, operation by operation (the contract tests run both):
 * a re-written reading replaces the stored one, the last of duplicates in one write wins, readings
 * outside InfluxDB's time range are refused while the rest are stored, history buckets are laid as
 * InfluxDB's {@code GROUP BY time() tz()} lays them ({@link BucketGrid}). Every SQL statement about
 * readings is in this class. Each call takes a connection from the given pool and gives it back.
 */
public final class PostgresReadingStore implements ReadingStore {

    /** InfluxDB keeps nanoseconds in a signed 64-bit integer: the same milliseconds are accepted here. */
    static final long EARLIEST_MS = -9_223_372_036_854L;
    static final long LATEST_MS = 9_223_372_036_854L;

    // One statement for the whole batch, whatever its size: five arrays unnested into rows (one round
    // trip, one plan), atomic like any single statement.
    private static final String UPSERT = """
            INSERT INTO readings (site_id, sensor_id, sensor_type, ts, value)
            SELECT site_id, sensor_id, sensor_type, timestamptz 'epoch' + ms * interval '1 millisecond', value
            FROM unnest(?::text[], ?::text[], ?::text[], ?::bigint[], ?::float8[])
                AS batch (site_id, sensor_id, sensor_type, ms, value)
            ON CONFLICT (site_id, sensor_id, ts)
                DO UPDATE SET sensor_type = excluded.sensor_type, value = excluded.value""";

    private static final String EPOCH_MS = "(extract(epoch FROM ts) * 1000)::bigint";

    private static final String SENSOR_READINGS = "SELECT " + EPOCH_MS + ", value, sensor_type FROM readings"
            + " WHERE site_id = ? AND sensor_id = ? AND ts >= ? AND ts < ? ORDER BY ts";

    // The site's sensors are found by skipping through the primary key (one index probe per sensor),
    // then each sensor's window is a range scan of it: one query, no second index.
    private static final String SITE_WINDOW = """
            WITH RECURSIVE sensors (sensor_id) AS (
                SELECT min(sensor_id) FROM readings WHERE site_id = ?
              UNION ALL
                SELECT (SELECT min(r.sensor_id) FROM readings r WHERE r.site_id = ? AND r.sensor_id > s.sensor_id)
                FROM sensors s WHERE s.sensor_id IS NOT NULL
            )
            SELECT w.sensor_id, w.sensor_type, w.ms, w.value
            FROM sensors s CROSS JOIN LATERAL (
                SELECT r.sensor_id, r.sensor_type, (extract(epoch FROM r.ts) * 1000)::bigint AS ms, r.value
                FROM readings r
                WHERE r.site_id = ? AND r.sensor_id = s.sensor_id AND r.ts >= ? AND r.ts < ?
                ORDER BY r.ts) w""";

    // width_bucket finds each reading's bucket among the starts BucketGrid laid (a binary search).
    private static final String HISTORY = """
            SELECT width_bucket(ts, (SELECT array_agg(timestamptz 'epoch' + ms * interval '1 millisecond' ORDER BY ms)
                                     FROM unnest(?::bigint[]) AS starts (ms))) AS bucket, %s
            FROM %s
            WHERE site_id = ? AND sensor_id = ? AND ts >= ? AND ts < ?
            GROUP BY bucket""";

    private static final String DELETE_OLDER = "DELETE FROM %s WHERE ts < ?";

    // Rollups (V11): one statement per piece of the window, all sites, recomputed and upserted (a re-run
    // replaces, late readings are taken in). Buckets are multiples of the width from the epoch, in UTC.
    private static final String ROLLUP_UPSERT = """
            ON CONFLICT (site_id, sensor_id, ts) DO UPDATE SET sensor_type = excluded.sensor_type,
                mean = excluded.mean, min = excluded.min, max = excluded.max, count = excluded.count,
                sum = excluded.sum, last = excluded.last""";

    private static final String ROLL_UP_MINUTES = """
            INSERT INTO reading_rollups_1m (site_id, sensor_id, ts, sensor_type, mean, min, max, count, sum, last)
            SELECT site_id, sensor_id, date_bin(interval '1 minute', ts, timestamptz 'epoch') AS bucket,
                   (array_agg(sensor_type ORDER BY ts DESC))[1], avg(value), min(value), max(value), count(*),
                   sum(value), (array_agg(value ORDER BY ts DESC))[1]
            FROM readings
            WHERE ts >= ? AND ts < ? %s
            GROUP BY site_id, sensor_id, bucket
            """ + ROLLUP_UPSERT;

    private static final String ROLL_UP_HOURS = """
            INSERT INTO reading_rollups_1h (site_id, sensor_id, ts, sensor_type, mean, min, max, count, sum, last)
            SELECT site_id, sensor_id, date_bin(interval '1 hour', ts, timestamptz 'epoch') AS bucket,
                   (array_agg(sensor_type ORDER BY ts DESC))[1], sum(sum) / sum(count), min(min), max(max),
                   sum(count), sum(sum), (array_agg(last ORDER BY ts DESC))[1]
            FROM reading_rollups_1m
            WHERE ts >= ? AND ts < ? %s
            GROUP BY site_id, sensor_id, bucket
            """ + ROLLUP_UPSERT;

    private final DataSource dataSource;
    private final int timeoutSeconds;
    private final Retention retention;
    private final Clock clock;

    /**
     * @param dataSource the service's PostgreSQL pool (the table lives in the business database)
     * @param timeout    how long one statement may run before it is cancelled and counts as unavailable
     */
    public PostgresReadingStore(DataSource dataSource, Duration timeout) {
        this(dataSource, timeout, Retention.FOREVER, Clock.systemUTC());
    }

    /**
     * @param retention how long each resolution is kept: decides which one a history is read from (the
     *                  deletes are {@link #deleteOlderThan} and {@link #deleteRollupsOlderThan}, run by
     *                  iot-ingestion)
     * @param clock     what "now" is for that choice
     */
    public PostgresReadingStore(DataSource dataSource, Duration timeout, Retention retention, Clock clock) {
        this.dataSource = dataSource;
        this.timeoutSeconds = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toSeconds()));
        this.retention = retention;
        this.clock = clock;
    }

    @Override
    public void write(List<Reading> readings) {
        if (readings.isEmpty()) {
            return;
        }
        Map<PointKey, Reading> points = new LinkedHashMap<>();
        List<Reading> refused = new ArrayList<>();
        for (Reading reading : readings) {
            long ms = reading.timestamp().toEpochMilli();
            if (ms < EARLIEST_MS || ms > LATEST_MS) {
                refused.add(reading);
            } else {
                // The last of two readings of one point in a batch wins, as in InfluxDB.
                points.put(new PointKey(reading.siteId(), reading.sensorId(), ms), reading);
            }
        }
        if (!points.isEmpty()) {
            upsert(points.values());
        }
        if (!refused.isEmpty()) {
            // InfluxDB stores the rest of the batch and answers "partial write": so does this store.
            throw ReadingsRefusedException.of(new IllegalArgumentException(refused.size()
                    + " readings outside the store's time range (1677-09-21 to 2262-04-11), first: " + refused.get(0)));
        }
    }

    private void upsert(Collection<Reading> readings) {
        int size = readings.size();
        String[] sites = new String[size];
        String[] sensors = new String[size];
        String[] types = new String[size];
        Long[] times = new Long[size];
        Double[] values = new Double[size];
        int i = 0;
        for (Reading reading : readings) {
            sites[i] = reading.siteId();
            sensors[i] = reading.sensorId();
            types[i] = reading.sensorType();
            times[i] = reading.timestamp().toEpochMilli();
            values[i] = reading.value();
            i++;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(UPSERT)) {
            statement.setQueryTimeout(timeoutSeconds);
            statement.setArray(1, connection.createArrayOf("text", sites));
            statement.setArray(2, connection.createArrayOf("text", sensors));
            statement.setArray(3, connection.createArrayOf("text", types));
            statement.setArray(4, connection.createArrayOf("int8", times));
            statement.setArray(5, connection.createArrayOf("float8", values));
            statement.executeUpdate();
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException e) {
            throw writeFailure(e);
        }
    }

    @Override
    public List<Reading> findReadings(String siteId, String sensorId, Instant from, Instant to) {
        List<Reading> readings = new ArrayList<>();
        query("query", SENSOR_READINGS, statement -> {
            statement.setString(1, siteId);
            statement.setString(2, sensorId);
            statement.setObject(3, utc(from));
            statement.setObject(4, utc(to));
        }, row -> readings.add(new Reading(siteId, sensorId, row.getString(3), row.getDouble(2),
                Instant.ofEpochMilli(row.getLong(1)))));
        return readings;
    }

    @Override
    public List<SensorSeries> siteWindow(String siteId, Instant from, Instant to) {
        Map<SeriesKey, SeriesBuilder> series = new LinkedHashMap<>();
        query("query", SITE_WINDOW, statement -> {
            statement.setString(1, siteId);
            statement.setString(2, siteId);
            statement.setString(3, siteId);
            statement.setObject(4, utc(from));
            statement.setObject(5, utc(to));
        }, row -> series.computeIfAbsent(new SeriesKey(row.getString(1), row.getString(2)), k -> new SeriesBuilder())
                .add(row.getLong(3), row.getDouble(4)));
        List<SensorSeries> window = new ArrayList<>(series.size());
        series.forEach((key, builder) -> window.add(builder.build(key)));
        return window;
    }

    @Override
    public List<HistoryBucket> history(HistoryQuery query) {
        return history(query, Resolution.RAW);
    }

    @Override
    public List<HistoryBucket> history(HistoryQuery asked, Resolution resolution) {
        // A rollup read starts at the rollup holding from, as InfluxRollups does.
        HistoryQuery query = new HistoryQuery(asked.siteId(), asked.sensorId(), resolution.floor(asked.from()),
                asked.to(), asked.interval(), asked.aggregate(), asked.zone());
        long[] starts = BucketGrid.starts(query);
        Map<Integer, Double> values = new HashMap<>();
        String aggregate = resolution == Resolution.RAW ? aggregate(query.aggregate())
                : rollupAggregate(query.aggregate());
        query("query", HISTORY.formatted(aggregate, resolution.table()), statement -> {
            statement.setArray(1, statement.getConnection().createArrayOf("int8",
                    Arrays.stream(starts).boxed().toArray(Long[]::new)));
            statement.setString(2, query.siteId());
            statement.setString(3, query.sensorId());
            statement.setObject(4, utc(query.from()));
            statement.setObject(5, utc(query.to()));
        }, row -> values.put(row.getInt(1), row.getDouble(2)));
        if (values.isEmpty()) {
            return List.of(); // no reading of the sensor in the window: no buckets, as InfluxDB answers
        }
        Double empty = query.aggregate() == Aggregate.COUNT ? 0.0 : null;
        List<HistoryBucket> buckets = new ArrayList<>(starts.length);
        for (int i = 0; i < starts.length; i++) {
            buckets.add(new HistoryBucket(Instant.ofEpochMilli(starts[i]), values.getOrDefault(i + 1, empty)));
        }
        return buckets;
    }

    private static String aggregate(Aggregate aggregate) {
        return switch (aggregate) {
            case MEAN -> "avg(value)";
            case MIN -> "min(value)";
            case MAX -> "max(value)";
            case SUM -> "sum(value)";
            case COUNT -> "count(*)::float8";
            case LAST -> "(array_agg(value ORDER BY ts DESC))[1]";
        };
    }

    /** Over rollups: weighted mean, min of mins, max of maxes, sum of sums and counts, last of the newest. */
    private static String rollupAggregate(Aggregate aggregate) {
        return switch (aggregate) {
            case MEAN -> "sum(sum) / sum(count)";
            case MIN -> "min(min)";
            case MAX -> "max(max)";
            case SUM -> "sum(sum)";
            case COUNT -> "sum(count)::float8";
            case LAST -> "(array_agg(last ORDER BY ts DESC))[1]";
        };
    }

    @Override
    public long rollUp(Resolution resolution, Instant from, Instant to) {
        long written = 0;
        for (Instant[] chunk : resolution.pieces(from, to)) {
            written += update("roll up", rollUpSql(resolution).formatted(""), utc(chunk[0]), utc(chunk[1]));
        }
        return written;
    }

    @Override
    public long rollUpSite(Resolution resolution, String siteId, Instant from, Instant to) {
        Objects.requireNonNull(siteId, "siteId");
        long written = 0;
        for (Instant[] chunk : resolution.pieces(from, to)) {
            written += update("roll up", rollUpSql(resolution).formatted("AND site_id = ?"), statement -> {
                statement.setObject(1, utc(chunk[0]));
                statement.setObject(2, utc(chunk[1]));
                statement.setString(3, siteId);
            });
        }
        return written;
    }

    private static String rollUpSql(Resolution resolution) {
        return switch (resolution) {
            case RAW -> throw new IllegalArgumentException("raw readings are not rolled up from anything");
            case MINUTE -> ROLL_UP_MINUTES;
            case HOUR -> ROLL_UP_HOURS;
        };
    }

    @Override
    public Resolution resolutionFor(Instant from) {
        return retention.finestCovering(from, clock.instant());
    }

    /**
     * Deletes the readings older than {@code cutoff} (the retention; InfluxDB does this with its
     * retention policy) and says how many went. Uses the BRIN index on the time.
     */
    public long deleteOlderThan(Instant cutoff) {
        return update("delete", DELETE_OLDER.formatted(Resolution.RAW.table()), utc(cutoff));
    }

    /**
     * Deletes the rollups of {@code resolution} older than {@code cutoff} (its retention; InfluxDB has
     * a retention policy per resolution) and says how many went.
     */
    public long deleteRollupsOlderThan(Resolution resolution, Instant cutoff) {
        if (resolution == Resolution.RAW) {
            throw new IllegalArgumentException("raw readings are deleted by deleteOlderThan");
        }
        return update("delete", DELETE_OLDER.formatted(resolution.table()), utc(cutoff));
    }

    private long update(String operation, String sql, OffsetDateTime... parameters) {
        return update(operation, sql, statement -> {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
        });
    }

    private long update(String operation, String sql, Binder binder) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setQueryTimeout(timeoutSeconds);
            binder.bind(statement);
            long changed = statement.executeLargeUpdate();
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
            return changed;
        } catch (SQLException e) {
            throw ReadingStoreUnavailableException.of(operation, e);
        }
    }

    @Override
    public boolean isAvailable() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT 1 FROM readings LIMIT 0")) {
            statement.setQueryTimeout(timeoutSeconds);
            statement.executeQuery().close();
            return true;
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    private void query(String operation, String sql, Binder binder, RowReader reader) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setQueryTimeout(timeoutSeconds);
            statement.setFetchSize(10_000);
            binder.bind(statement);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    reader.read(rows);
                }
            }
        } catch (SQLException e) {
            throw ReadingStoreUnavailableException.of(operation, e);
        }
    }

    /**
     * A data or integrity error (SQLSTATE classes 22 and 23) will fail again on retry: refused for
     * good. Anything else (connection lost, timeout, server shutting down) is worth a retry.
     */
    private static RuntimeException writeFailure(SQLException e) {
        String state = e.getSQLState();
        if (state != null && (state.startsWith("22") || state.startsWith("23"))) {
            return ReadingsRefusedException.of(e);
        }
        return ReadingStoreUnavailableException.of("write", e);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private record PointKey(String siteId, String sensorId, long ms) {
    }

    private record SeriesKey(String sensorId, String sensorType) {
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    /** One series' times and values, grown as rows arrive; sorted by time if they came out of order. */
    private static final class SeriesBuilder {
        private long[] times = new long[64];
        private double[] values = new double[64];
        private int size;
        private boolean ordered = true;

        void add(long time, double value) {
            if (size == times.length) {
                times = Arrays.copyOf(times, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            if (size > 0 && time < times[size - 1]) {
                ordered = false;
            }
            times[size] = time;
            values[size] = value;
            size++;
        }

        SensorSeries build(SeriesKey key) {
            long[] t = Arrays.copyOf(times, size);
            double[] v = Arrays.copyOf(values, size);
            if (!ordered) {
                Integer[] order = new Integer[size];
                for (int i = 0; i < size; i++) {
                    order[i] = i;
                }
                Arrays.sort(order, (a, b) -> Long.compare(times[a], times[b]));
                for (int i = 0; i < size; i++) {
                    t[i] = times[order[i]];
                    v[i] = values[order[i]];
                }
            }
            return new SensorSeries(key.sensorId(), key.sensorType(), t, v);
        }
    }
}
