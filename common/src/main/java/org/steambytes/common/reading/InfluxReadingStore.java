package org.steambytes.common.reading;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBException;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.Query;
import org.influxdb.dto.QueryResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.steambytes.common.history.Aggregate;
import org.steambytes.common.history.HistoryQuery;

/**
 * {@link ReadingStore} over InfluxDB's 1.x HTTP API ({@code /write}, {@code /query}, {@code /ping})
 * through influxdb-java. Writes are synchronous, one HTTP request per call: durability and
 * coalescing belong to the caller (influxdb-java's own batching keeps points only in memory).
 */
public final class InfluxReadingStore implements ReadingStore, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(InfluxReadingStore.class);

    private final InfluxDB influx;
    private final String database;
    private final Retention retention;
    private final Clock clock;
    private volatile boolean databaseEnsured;

    private InfluxReadingStore(InfluxDB influx, String database, Retention retention, Clock clock) {
        this.influx = influx;
        this.database = database;
        this.retention = retention;
        this.clock = clock;
    }

    /**
     * Connects lazily: the server may be down now and come up later. Nothing expires: the database's
     * retention policies are left as they are (the rollup ones created if missing) and every history is
     * read raw.
     */
    public static InfluxReadingStore connect(InfluxSettings settings) {
        return connect(settings, Retention.FOREVER, Clock.systemUTC());
    }

    /**
     * Connects lazily, and keeps the database's retention policies at {@code retention} (raw: the
     * default policy's duration; {@code rollup_1m}, {@code rollup_1h} created or altered), checked
     * at the first call that reaches the server; {@code clock} tells which resolution covers a history.
     */
    public static InfluxReadingStore connect(InfluxSettings settings, Retention retention, Clock clock) {
        OkHttpClient.Builder http = new OkHttpClient.Builder()
                .connectTimeout(settings.timeout())
                .readTimeout(settings.timeout())
                .writeTimeout(settings.timeout())
                .socketFactory(new NoDelaySocketFactory());
        if (settings.hasToken()) {
            // No username/password on purpose: influxdb-java's basic-auth interceptor would replace this header.
            String authorization = "Token " + settings.token();
            http.addInterceptor(chain -> chain.proceed(
                    chain.request().newBuilder().header("Authorization", authorization).build()));
        }
        InfluxReadingStore store = new InfluxReadingStore(InfluxDBFactory.connect(settings.url(), http), settings.bucket(),
                retention, clock);
        store.ensureDatabase();
        return store;
    }

    public String database() {
        return database;
    }

    @Override
    public void write(List<Reading> readings) {
        if (readings.isEmpty()) {
            return;
        }
        write(LineProtocol.encode(readings));
    }

    /** Writes readings already encoded by {@link LineProtocol}. */
    public void write(String lineProtocol) {
        write("", lineProtocol);
    }

    /** Writes lines into a retention policy ("" for the database's default one). */
    private void write(String retentionPolicy, String lineProtocol) {
        ensureDatabase();
        try {
            influx.write(database, retentionPolicy, InfluxDB.ConsistencyLevel.ONE, TimeUnit.MILLISECONDS, lineProtocol);
        } catch (InfluxDBException e) {
            throw e.isRetryWorth() ? ReadingStoreUnavailableException.of("write", e) : ReadingsRefusedException.of(e);
        } catch (RuntimeException e) {
            throw ReadingStoreUnavailableException.of("write", e);
        }
    }

    @Override
    public List<Reading> findReadings(String siteId, String sensorId, Instant from, Instant to) {
        String query = "SELECT \"value\", \"sensor_type\" FROM " + InfluxQl.identifier(LineProtocol.MEASUREMENT)
                + " WHERE \"site_id\" = " + InfluxQl.literal(siteId)
                + " AND \"sensor_id\" = " + InfluxQl.literal(sensorId)
                + " AND time >= " + from.toEpochMilli() + "ms AND time < " + to.toEpochMilli() + "ms";
        List<Reading> readings = new ArrayList<>();
        forEachRow(query(query), row -> {
            Instant time = Instant.ofEpochMilli(((Number) row.get(0)).longValue());
            double value = ((Number) row.get(1)).doubleValue();
            readings.add(new Reading(siteId, sensorId, (String) row.get(2), value, time));
        });
        return readings;
    }

    @Override
    public List<SensorSeries> siteWindow(String siteId, Instant from, Instant to) {
        String query = "SELECT \"value\" FROM " + InfluxQl.identifier(LineProtocol.MEASUREMENT)
                + " WHERE \"site_id\" = " + InfluxQl.literal(siteId)
                + " AND time >= " + from.toEpochMilli() + "ms AND time < " + to.toEpochMilli() + "ms"
                + " GROUP BY \"sensor_id\", \"sensor_type\"";
        List<SensorSeries> window = new ArrayList<>();
        for (QueryResult.Result statement : query(query).getResults()) {
            if (statement.getSeries() == null) {
                continue;
            }
            for (QueryResult.Series series : statement.getSeries()) {
                List<List<Object>> rows = series.getValues();
                long[] times = new long[rows.size()];
                double[] values = new double[rows.size()];
                for (int i = 0; i < rows.size(); i++) {
                    times[i] = ((Number) rows.get(i).get(0)).longValue();
                    values[i] = ((Number) rows.get(i).get(1)).doubleValue();
                }
                window.add(new SensorSeries(series.getTags().get("sensor_id"), series.getTags().get("sensor_type"),
                        times, values));
            }
        }
        return window;
    }

    @Override
    public List<HistoryBucket> history(HistoryQuery query) {
        List<HistoryBucket> buckets = new ArrayList<>();
        forEachRow(query(historyQl(query)), row -> buckets.add(bucket(row)));
        return buckets;
    }

    /**
     * All statements in one {@code /query} request; InfluxDB answers one result per statement, in order.
     * Queries differing only in the sensor share one statement ({@link HistoryStatements}).
     */
    @Override
    public List<List<HistoryBucket>> histories(List<HistoryQuery> queries) {
        if (queries.isEmpty()) {
            return List.of();
        }
        HistoryStatements statements = HistoryStatements.of(queries);
        List<QueryResult.Result> results = query(statements.influxQl()).getResults();
        if (results.size() != statements.size()) {
            throw ReadingStoreUnavailableException.of("query", new IllegalStateException(
                    "InfluxDB answered " + results.size() + " results to " + statements.size() + " statements"));
        }
        try {
            return statements.answers(results);
        } catch (IllegalStateException e) {
            throw ReadingStoreUnavailableException.of("query", e);
        }
    }

    static HistoryBucket bucket(List<Object> row) {
        return new HistoryBucket(Instant.ofEpochMilli(((Number) row.get(0)).longValue()),
                row.get(1) == null ? null : ((Number) row.get(1)).doubleValue());
    }

    @Override
    public long rollUp(Resolution resolution, Instant from, Instant to) {
        return rollUp(resolution, null, from, to);
    }

    @Override
    public long rollUpSite(Resolution resolution, String siteId, Instant from, Instant to) {
        return rollUp(resolution, Objects.requireNonNull(siteId, "siteId"), from, to);
    }

    private long rollUp(Resolution resolution, String siteId, Instant from, Instant to) {
        long written = 0;
        for (Instant[] chunk : resolution.pieces(from, to)) {
            String lines = InfluxRollups.lines(query(InfluxRollups.rollUpQl(resolution, siteId, chunk[0], chunk[1])));
            if (!lines.isEmpty()) {
                write(resolution.retentionPolicy(), lines);
                written += lines.chars().filter(c -> c == '\n').count();
            }
        }
        return written;
    }

    @Override
    public List<HistoryBucket> history(HistoryQuery query, Resolution resolution) {
        if (resolution == Resolution.RAW) {
            return history(query);
        }
        return InfluxRollups.buckets(query(InfluxRollups.historyQl(query, resolution)), query.aggregate());
    }

    @Override
    public Resolution resolutionFor(Instant from) {
        return retention.finestCovering(from, clock.instant());
    }

    /** One {@code GROUP BY time(interval)} with {@code tz()}: InfluxDB aligns the buckets in the zone. */
    static String historyQl(HistoryQuery query) {
        String function = query.aggregate().wireName();
        return "SELECT " + function + "(\"value\") FROM " + InfluxQl.identifier(LineProtocol.MEASUREMENT)
                + " WHERE \"site_id\" = " + InfluxQl.literal(query.siteId())
                + " AND \"sensor_id\" = " + InfluxQl.literal(query.sensorId())
                + " AND time >= " + query.from().toEpochMilli() + "ms AND time < " + query.to().toEpochMilli() + "ms"
                + " GROUP BY time(" + query.interval().text() + ")"
                + (query.aggregate() == Aggregate.COUNT ? " fill(0)" : " fill(null)")
                + " tz(" + InfluxQl.literal(query.timezone()) + ")";
    }

    /** Every row of every series of every statement, in order (time first, then the selected columns). */
    static void forEachRow(QueryResult result, Consumer<List<Object>> action) {
        for (QueryResult.Result statement : result.getResults()) {
            if (statement.getSeries() == null) {
                continue;
            }
            for (QueryResult.Series series : statement.getSeries()) {
                series.getValues().forEach(action);
            }
        }
    }

    /** Runs an InfluxQL query against the readings database with millisecond epoch times. */
    QueryResult query(String influxQl) {
        QueryResult result;
        try {
            result = influx.query(new Query(influxQl, database), TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            throw ReadingStoreUnavailableException.of("query", e);
        }
        if (result.hasError()) {
            throw ReadingStoreUnavailableException.of("query", new IllegalStateException(result.getError()));
        }
        for (QueryResult.Result statement : result.getResults()) {
            if (statement.hasError()) {
                throw ReadingStoreUnavailableException.of("query", new IllegalStateException(statement.getError()));
            }
        }
        return result;
    }

    @Override
    public boolean isAvailable() {
        try {
            return influx.ping().isGood();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The database is created where the server allows it; a 2.x server maps the bucket instead. */
    private void ensureDatabase() {
        if (databaseEnsured) {
            return;
        }
        try {
            influx.query(new Query("CREATE DATABASE " + InfluxQl.identifier(database), null, true));
            ensureRetentionPolicies();
            databaseEnsured = true;
        } catch (RuntimeException e) {
            log.warn("Could not ensure InfluxDB database {} (server down, or creation not allowed): {}",
                    database, e.getMessage());
        }
    }

    /**
     * The raw readings live in the database's default policy, whose duration becomes the raw retention
     * (when one is set); the rollups in {@code rollup_1m} and {@code rollup_1h}, created when missing and
     * altered to their retention (forever when none is set). Idempotent: run at every start.
     */
    private void ensureRetentionPolicies() {
        QueryResult policies = query("SHOW RETENTION POLICIES ON " + InfluxQl.identifier(database));
        List<String> existing = new ArrayList<>();
        String[] defaultPolicy = {null};
        forEachRow(policies, row -> {
            existing.add((String) row.get(0));
            if (Boolean.TRUE.equals(row.get(row.size() - 1))) {
                defaultPolicy[0] = (String) row.get(0);
            }
        });
        if (retention.raw() != null && defaultPolicy[0] != null) {
            query(InfluxRollups.policyQl("ALTER", defaultPolicy[0], database, retention.raw()));
        }
        for (Resolution resolution : List.of(Resolution.MINUTE, Resolution.HOUR)) {
            String policy = resolution.retentionPolicy();
            Duration kept = retention.of(resolution);
            if (!existing.contains(policy)) {
                query(InfluxRollups.policyQl("CREATE", policy, database, kept));
            } else if (!retention.equals(Retention.FOREVER)) {
                query(InfluxRollups.policyQl("ALTER", policy, database, kept));
            }
        }
    }

    @Override
    public void close() {
        influx.close();
    }
}
