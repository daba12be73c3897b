import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.steambytes.common.history.Aggregate;
import org.steambytes.common.history.BucketInterval;
import org.steambytes.common.history.HistoryQuery;
import org.steambytes.common.reading.HistoryBucket;
import org.steambytes.common.reading.InfluxReadingStore;
import org.steambytes.common.reading.InfluxSettings;
import org.steambytes.common.reading.PostgresReadingStore;
import org.steambytes.common.reading.Reading;
import org.steambytes.common.reading.ReadingStore;
import org.steambytes.common.reading.SensorSeries;

/**
 * InfluxDB vs PostgreSQL as the readings history, both through common's ReadingStore port (issue 12).
 * Run by bench/stores/run on common's test classpath (java source launcher; no build of its own):
 *   java -cp CP bench/stores/StoreBench.java INFLUX_URL INFLUX_DB REPS [PG15_JDBC_URL PG15_USER PG15_PASSWORD]
 * 1. 20 sensors × 30 days × one reading per 10 s (5,184,000) generated in memory, in time order, cut in
 *    batches of BATCH (5,000 = 250 timestamps × 20 sensors, as ingestion's batches mix sensors).
 * 2. Written through ReadingStore.write, one writer per store, the stores taking turns batch by batch (a
 *    disturbance of this shared host hits both; each store's throughput counts its own calls), into InfluxDB (database INFLUX_DB),
 *    the embedded PostgreSQL 14 (zonky, as PostgresReadingStoreOn14Tests starts it, Flyway-migrated,
 *    a HikariCP pool as the services have) and, if given, the system PostgreSQL (reference).
 * 3. The same history queries through ReadingStore.history for the 20 sensors one after the other
 *    (20 calls, as the dashboard's charts fetch them), warm-up then REPS rounds, the stores taking turns
 *    within each round (so a disturbance hits both); p50/p95 of the 20-call round, ratio PG/Influx.
 * 4. Footprint (PostgreSQL relation sizes; InfluxDB's directories are measured by the run script),
 *    the PostgreSQL settings that matter, EXPLAIN (ANALYZE, BUFFERS) of the 30-day hourly history.
 */
public class StoreBench {

    static final int SENSORS = 20;
    static final Duration SPAN = Duration.ofDays(Long.getLong("bench.days", 30)); // fewer only to try the bench out
    static final Duration STEP = Duration.ofSeconds(10);
    static final int BATCH = Integer.getInteger("bench.batch", 5_000);
    static final int WARMUP = Integer.getInteger("bench.warmup", 3);
    static final String SITE = "bench-stores";
    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    static final String[] TYPES = {"steam_pressure", "steam_temperature", "feedwater_flow", "water_level", "flue_gas_o2"};

    record Query(String name, Duration range, String interval, int reps) {
    }

    record Store(String name, ReadingStore store) {
    }

    public static void main(String[] args) throws Exception {
        String influxUrl = args[0];
        String influxDb = args[1];
        int reps = Integer.parseInt(args[2]);
        boolean withPg15 = args.length >= 6;

        Instant end = Instant.now().truncatedTo(ChronoUnit.HOURS);
        Instant start = end.minus(SPAN);
        List<List<Reading>> batches = generate(start, end);
        long total = batches.stream().mapToLong(List::size).sum();
        say("data: %d sensors × %d days × 1/%ds = %,d readings, %s .. %s, %d batches of ≤ %,d (250 timestamps × 20 sensors each)",
                SENSORS, SPAN.toDays(), STEP.toSeconds(), total, start, end, batches.size(), BATCH);

        List<Store> stores = new ArrayList<>();
        List<AutoCloseable> closers = new ArrayList<>();
        Map<String, DataSource> pgSources = new LinkedHashMap<>();
        try {
            InfluxReadingStore influx = InfluxReadingStore.connect(
                    new InfluxSettings(influxUrl, null, "steambytes", influxDb, Duration.ofSeconds(300)));
            closers.add(influx);
            stores.add(new Store("influx-1.6", influx));

            EmbeddedPostgres embedded = EmbeddedPostgres.builder().start();
            closers.add(embedded);
            HikariDataSource pg14 = pool(embedded.getJdbcUrl("postgres", "postgres"), "postgres", "");
            closers.add(pg14);
            migrate(pg14);
            pgSources.put("pg14-embedded", pg14);
            stores.add(new Store("pg14-embedded", new PostgresReadingStore(pg14, Duration.ofSeconds(300))));
            if (withPg15) {
                HikariDataSource pg15 = pool(args[3], args[4], args[5]);
                closers.add(pg15);
                migrate(pg15);
                pgSources.put("pg15-system", pg15);
                stores.add(new Store("pg15-system", new PostgresReadingStore(pg15, Duration.ofSeconds(300))));
            }
            pgSources.forEach(StoreBench::settings);

            // ---- ingestion through the port ----
            say("");
            say("== write: %,d readings through ReadingStore.write, batches of %,d, one writer per store ==", total, BATCH);
            say("   (the stores take turns batch by batch, so a disturbance of the host hits both; each store's own time counted)");
            load("before the writes");
            Map<String, Double> throughput = new LinkedHashMap<>();
            long[][] perBatch = new long[stores.size()][batches.size()];
            long wall0 = System.nanoTime();
            for (int i = 0; i < batches.size(); i++) {
                for (int k = 0; k < stores.size(); k++) {
                    int which = (k + i) % stores.size();
                    long b0 = System.nanoTime();
                    stores.get(which).store.write(batches.get(i));
                    perBatch[which][i] = System.nanoTime() - b0;
                }
            }
            say("(all writes: %.1f s wall)", (System.nanoTime() - wall0) / 1e9);
            load("after the writes");
            for (int k = 0; k < stores.size(); k++) {
                long[] times = perBatch[k];
                double seconds = Arrays.stream(times).sum() / 1e9;
                throughput.put(stores.get(k).name, total / seconds);
                Arrays.sort(times);
                say("%-14s %,10.0f readings/s  (%.1f s in its writes; per batch p50 %.1f ms, p95 %.1f ms, max %.1f ms)",
                        stores.get(k).name, total / seconds, seconds, times[times.length / 2] / 1e6,
                        times[(int) Math.ceil(times.length * 0.95) - 1] / 1e6, times[times.length - 1] / 1e6);
            }
            for (int k = 1; k < stores.size(); k++) {
                say("%-14s / influx write throughput: ×%.2f", stores.get(k).name,
                        throughput.get(stores.get(k).name) / throughput.get(stores.get(0).name));
            }
            // What autovacuum does on its own shortly after such a load (PG 13+ vacuums after inserts too):
            // done here, timed and reported apart, so the queries meet a table in its settled state.
            for (var e : pgSources.entrySet()) {
                long t0 = System.nanoTime();
                execute(e.getValue(), "VACUUM (ANALYZE) readings");
                say("%-14s VACUUM (ANALYZE) readings after the load: %.1f s (not in the throughput)", e.getKey(),
                        (System.nanoTime() - t0) / 1e9);
            }
            batches = null;
            System.gc();

            // ---- same answers ----
            check(stores, end);

            // ---- history queries ----
            List<Query> queries = List.of(
                    new Query("1 h, hourly mean", Duration.ofHours(1), "1h", reps),
                    new Query("1 h, 1-min mean", Duration.ofHours(1), "1m", reps),
                    new Query("24 h, hourly mean", Duration.ofHours(24), "1h", reps),
                    new Query("24 h, 5-min mean", Duration.ofHours(24), "5m", reps),
                    new Query("30 d, hourly mean", Duration.ofDays(30), "1h", Math.max(5, reps / 2)));
            say("");
            say("== history through ReadingStore.history: 20 sensors one after the other, mean, tz %s, window ending at the data's end ==", ZONE);
            say("   (each query: %d warm-up rounds, then the rounds counted; stores take turns within a round)", WARMUP);
            Map<String, Map<String, double[]>> results = new LinkedHashMap<>();
            for (Query q : queries) {
                load("before " + q.name);
                Map<String, List<Double>> rounds = new LinkedHashMap<>();
                stores.forEach(s -> rounds.put(s.name, new ArrayList<>()));
                for (int r = -WARMUP; r < q.reps; r++) {
                    for (int k = 0; k < stores.size(); k++) {
                        Store s = stores.get((k + Math.floorMod(r, stores.size())) % stores.size()); // rotate who goes first
                        double ms = round(s.store, q, end);
                        if (r >= 0) {
                            rounds.get(s.name).add(ms);
                        }
                    }
                }
                Map<String, double[]> row = new LinkedHashMap<>();
                rounds.forEach((name, list) -> row.put(name, new double[] {pct(list, 50), pct(list, 95)}));
                results.put(q.name + " (" + q.reps + " rounds)", row);
            }
            table(results, stores);

            // ---- the raw window of the analytics path (siteWindow, one query per site), for reference ----
            say("");
            say("== siteWindow (raw readings of all 20 sensors, one call), for reference ==");
            for (Duration range : List.of(Duration.ofHours(1), Duration.ofHours(24))) {
                Map<String, List<Double>> rounds = new LinkedHashMap<>();
                stores.forEach(s -> rounds.put(s.name, new ArrayList<>()));
                int n = range.toHours() > 1 ? Math.max(5, reps / 2) : reps;
                for (int r = -WARMUP; r < n; r++) {
                    for (int k = 0; k < stores.size(); k++) {
                        Store s = stores.get((k + Math.floorMod(r, stores.size())) % stores.size());
                        long t0 = System.nanoTime();
                        List<SensorSeries> w = s.store.siteWindow(SITE, end.minus(range), end);
                        double ms = (System.nanoTime() - t0) / 1e6;
                        if (w.size() != SENSORS) {
                            throw new IllegalStateException(s.name + " siteWindow: " + w.size() + " series");
                        }
                        if (r >= 0) {
                            rounds.get(s.name).add(ms);
                        }
                    }
                }
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-6s (%d rounds, %,d points)",
                        range.toHours() + " h", n, range.dividedBy(STEP) * SENSORS));
                double influxP50 = pct(rounds.get(stores.get(0).name), 50);
                for (var e : rounds.entrySet()) {
                    double p50 = pct(e.getValue(), 50);
                    line.append(String.format(Locale.ROOT, "  %s p50 %.1f ms p95 %.1f ms", e.getKey(), p50, pct(e.getValue(), 95)));
                    if (!e.getKey().equals(stores.get(0).name)) {
                        line.append(String.format(Locale.ROOT, " (×%.2f)", p50 / influxP50));
                    }
                }
                say("%s", line);
            }

            // ---- footprint and plans ----
            say("");
            say("== PostgreSQL footprint ==");
            for (var e : pgSources.entrySet()) {
                footprint(e.getKey(), e.getValue());
            }
            for (var e : pgSources.entrySet()) {
                explain(e.getKey(), e.getValue(), end);
            }
            load("at the end");
        } finally {
            for (int i = closers.size() - 1; i >= 0; i--) {
                try {
                    closers.get(i).close();
                } catch (Exception e) {
                    say("closing: %s", e);
                }
            }
        }
    }

    /** Deterministic readings: a daily wave, a slow drift and noise per sensor, rounded to 0.01 as instruments report. */
    static List<List<Reading>> generate(Instant start, Instant end) {
        String[] sensors = new String[SENSORS];
        String[] types = new String[SENSORS];
        for (int s = 0; s < SENSORS; s++) {
            types[s] = TYPES[s % TYPES.length];
            sensors[s] = "b" + (s / TYPES.length + 1) + "-" + types[s].replace('_', '-');
        }
        Random random = new Random(12);
        long steps = Duration.between(start, end).dividedBy(STEP);
        int perBatch = BATCH / SENSORS;
        List<List<Reading>> batches = new ArrayList<>();
        List<Reading> batch = new ArrayList<>(BATCH);
        for (long k = 0; k < steps; k++) {
            Instant t = start.plus(STEP.multipliedBy(k));
            double day = 2 * Math.PI * (k * STEP.toSeconds()) / 86_400.0;
            for (int s = 0; s < SENSORS; s++) {
                double base = 10 + 10 * s;
                double v = base + 0.1 * base * Math.sin(day + s) + 0.02 * base * Math.sin(day / 7.3 + s)
                        + random.nextGaussian() * 0.005 * base;
                batch.add(new Reading(SITE, sensors[s], types[s], Math.round(v * 100) / 100.0, t));
            }
            if ((k + 1) % perBatch == 0) {
                batches.add(batch);
                batch = new ArrayList<>(BATCH);
            }
        }
        if (!batch.isEmpty()) {
            batches.add(batch);
        }
        SENSOR_IDS = sensors;
        return batches;
    }

    static String[] SENSOR_IDS;

    /** One round: the query for each of the 20 sensors, one after the other; milliseconds. */
    static double round(ReadingStore store, Query q, Instant end) {
        long t0 = System.nanoTime();
        for (String sensor : SENSOR_IDS) {
            List<HistoryBucket> buckets = store.history(query(sensor, q, end));
            if (buckets.isEmpty()) {
                throw new IllegalStateException("no buckets for " + sensor + " " + q.name);
            }
        }
        return (System.nanoTime() - t0) / 1e6;
    }

    static HistoryQuery query(String sensor, Query q, Instant end) {
        return new HistoryQuery(SITE, sensor, end.minus(q.range), end, BucketInterval.parse(q.interval).orElseThrow(),
                Aggregate.MEAN, ZONE);
    }

    /** Every store gives the same buckets (starts and means to 1e-9) for every query: otherwise the race is void. */
    static void check(List<Store> stores, Instant end) {
        int compared = 0;
        for (Query q : List.of(new Query("1h", Duration.ofHours(1), "1m", 0), new Query("24h", Duration.ofHours(24), "5m", 0),
                new Query("30d", Duration.ofDays(30), "1h", 0))) {
            for (String sensor : SENSOR_IDS) {
                List<HistoryBucket> reference = stores.get(0).store.history(query(sensor, q, end));
                for (Store s : stores.subList(1, stores.size())) {
                    List<HistoryBucket> other = s.store.history(query(sensor, q, end));
                    if (other.size() != reference.size()) {
                        throw new IllegalStateException(s.name + " " + q.name + " " + sensor + ": " + other.size()
                                + " buckets, influx " + reference.size());
                    }
                    for (int i = 0; i < other.size(); i++) {
                        HistoryBucket a = reference.get(i);
                        HistoryBucket b = other.get(i);
                        boolean same = a.value() == null || b.value() == null ? a.value() == b.value()
                                : Math.abs(a.value() - b.value()) <= 1e-9;
                        if (!a.start().equals(b.start()) || !same) {
                            throw new IllegalStateException(s.name + " " + q.name + " " + sensor + " bucket " + i + ": " + b
                                    + " vs influx " + a);
                        }
                        compared++;
                    }
                }
            }
        }
        say("");
        say("same answers: %,d buckets compared between the stores (1 h/1m, 24 h/5m, 30 d/1h, 20 sensors), all equal", compared);
    }

    static void table(Map<String, Map<String, double[]>> results, List<Store> stores) {
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-32s", "query (20 sensors, ms per round)"));
        for (Store s : stores) {
            head.append(String.format(Locale.ROOT, " | %-14s p50 / p95", s.name));
        }
        for (Store s : stores.subList(1, stores.size())) {
            head.append(String.format(Locale.ROOT, " | %s/influx p50, p95", s.name));
        }
        say("%s", head);
        results.forEach((query, row) -> {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-32s", query));
            double[] influx = row.get(stores.get(0).name);
            for (Store s : stores) {
                double[] v = row.get(s.name);
                line.append(String.format(Locale.ROOT, " | %9.1f / %9.1f      ", v[0], v[1]));
            }
            for (Store s : stores.subList(1, stores.size())) {
                double[] v = row.get(s.name);
                line.append(String.format(Locale.ROOT, " | ×%6.2f, ×%6.2f              ", v[0] / influx[0], v[1] / influx[1]));
            }
            say("%s", line);
        });
    }

    static void settings(String name, DataSource source) {
        StringBuilder line = new StringBuilder();
        try (Connection c = source.getConnection(); Statement st = c.createStatement()) {
            for (String setting : List.of("server_version", "shared_buffers", "work_mem", "effective_cache_size",
                    "max_parallel_workers_per_gather", "synchronous_commit", "fsync", "wal_level", "max_wal_size",
                    "random_page_cost", "jit")) {
                try (ResultSet rs = st.executeQuery("SHOW " + setting)) {
                    rs.next();
                    line.append(setting).append('=').append(rs.getString(1)).append(' ');
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        say("%s settings: %s", name, line.toString().trim());
    }

    static void footprint(String name, DataSource source) throws SQLException {
        try (Connection c = source.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("""
                     SELECT pg_total_relation_size('readings'), pg_relation_size('readings'),
                            pg_relation_size('readings_pkey'), pg_relation_size('readings_ts_brin'),
                            (SELECT count(*) FROM readings)""")) {
            rs.next();
            long rows = rs.getLong(5);
            say("%-14s pg_total_relation_size %s (heap %s, primary key %s, BRIN %s) for %,d rows = %.1f bytes/reading",
                    name, mb(rs.getLong(1)), mb(rs.getLong(2)), mb(rs.getLong(3)), mb(rs.getLong(4)), rows,
                    rs.getLong(1) / (double) rows);
        }
    }

    /** The store's own 30-day hourly statement for one sensor, with its own bucket grid, under EXPLAIN. */
    static void explain(String name, DataSource source, Instant end) throws Exception {
        Field sqlField = PostgresReadingStore.class.getDeclaredField("HISTORY");
        sqlField.setAccessible(true);
        String sql = ((String) sqlField.get(null)).formatted("avg(value)");
        Class<?> grid = Class.forName("org.steambytes.common.reading.BucketGrid");
        Method starts = grid.getDeclaredMethod("starts", HistoryQuery.class);
        starts.setAccessible(true);
        HistoryQuery q = query(SENSOR_IDS[0], new Query("30d", Duration.ofDays(30), "1h", 0), end);
        long[] grid30 = (long[]) starts.invoke(null, q);
        for (boolean parallel : new boolean[] {true, false}) {
            say("");
            say("== %s: EXPLAIN (ANALYZE, BUFFERS) of the store's 30-day hourly history of %s%s ==", name, SENSOR_IDS[0],
                    parallel ? "" : " — with max_parallel_workers_per_gather = 0, for comparison");
            try (Connection c = source.getConnection()) {
                c.setAutoCommit(false);
                if (!parallel) {
                    try (Statement st = c.createStatement()) {
                        st.execute("SET LOCAL max_parallel_workers_per_gather = 0");
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) " + sql)) {
                    ps.setArray(1, c.createArrayOf("int8", Arrays.stream(grid30).boxed().toArray(Long[]::new)));
                    ps.setString(2, q.siteId());
                    ps.setString(3, q.sensorId());
                    ps.setObject(4, q.from().atOffset(java.time.ZoneOffset.UTC));
                    ps.setObject(5, q.to().atOffset(java.time.ZoneOffset.UTC));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            say("  %s", rs.getString(1));
                        }
                    }
                }
                c.rollback();
            }
        }
    }

    static HikariDataSource pool(String url, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(4);
        config.setPoolName("bench-" + user);
        return new HikariDataSource(config);
    }

    static void migrate(DataSource source) {
        Flyway.configure().dataSource(source).locations("classpath:db/migration").load().migrate();
        execute(source, "TRUNCATE readings");
    }

    static void execute(DataSource source, String sql) {
        try (Connection c = source.getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    static double pct(List<Double> values, double p) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v[Math.max(0, (int) Math.ceil(v.length * p / 100) - 1)];
    }

    static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
    }

    static void load(String when) {
        try {
            say("[load %s: %s]", when, Files.readString(Path.of("/proc/loadavg")).trim());
        } catch (Exception e) {
            say("[load %s: unknown]", when);
        }
    }

    static void say(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
        System.out.flush();
    }
}
