package org.steambytes.analytics.cycle;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.steambytes.analytics.AnalyticsProperties;
import org.steambytes.analytics.anomaly.AnomalyStore;
import org.steambytes.analytics.anomaly.AnomalyStream;
import org.steambytes.analytics.result.LatestResults;
import org.steambytes.analytics.result.ResultStore;
import org.steambytes.analytics.result.SiteResults;
import org.steambytes.analytics.site.AnalysedSite;
import org.steambytes.analytics.site.SiteDirectory;
import org.steambytes.common.reading.ReadingStore;
import org.steambytes.common.reading.ReadingStoreUnavailableException;
import org.steambytes.common.reading.SensorSeries;
import org.steambytes.common.worker.ReplicaName;

/**
 * The analytics step (docs/ARCHITECTURE.md §5): every interval, each enabled site's last window —
 * ending on the interval grid, so every replica names it alike — is read from the reading store in
 * one query, analysed — statistics, trend, efficiency, staleness, and the anomaly detectors over the points
 * new since their last look (their state is stored with the results) — and stored; new anomalies then go on
 * the anomalies stream. Replicas split the sites: a site is taken under a transaction-scoped
 * advisory lock (a replica that does not get it moves on) and claimed in {@code analytics_runs} in the
 * transaction that stores its results, so no window of a site is analysed twice, and a replica that
 * dies mid-site leaves it to the next cycle of any replica. InfluxDB away: the cycle stops with a
 * warning and a counted failure; the cached results stay until the next cycle catches up.
 */
@Component
public class AnalyticsCycle implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(AnalyticsCycle.class);
    private static final Duration RETENTION_EVERY = Duration.ofHours(1);

    /** What one cycle did: the sites it analysed, how many it left (another replica had them, or had done them). */
    public record Outcome(Instant windowEnd, List<String> analysed, int skipped, boolean failed) {
    }

    private final SiteDirectory sites;
    private final ReadingStore readings;
    private final ResultStore results;
    private final AnomalyStore anomalies;
    private final AnomalyStream stream;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;
    private final AnalyticsProperties.Analytics settings;
    private final Clock clock;
    private final String replica;
    private final Timer duration;
    private final Counter analysed;
    private final Counter failures;
    private final Counter found;
    private Instant retentionDoneAt = Instant.EPOCH;

    AnalyticsCycle(SiteDirectory sites, ReadingStore readings, ResultStore results, AnomalyStore anomalies,
            AnomalyStream stream, TransactionTemplate transactions,
            JdbcClient jdbc, AnalyticsProperties properties, Clock clock, MeterRegistry meters, Environment environment) {
        this.sites = sites;
        this.readings = readings;
        this.results = results;
        this.anomalies = anomalies;
        this.stream = stream;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.settings = properties.analytics();
        this.clock = clock;
        this.replica = settings.replica().isBlank()
                ? ReplicaName.hostAndPort(environment.getProperty("server.port", "8083")) : settings.replica();
        this.duration = Timer.builder("steambytes.analytics.cycle").description("Duration of one analytics cycle")
                .register(meters);
        this.analysed = Counter.builder("steambytes.analytics.sites").description("Site windows analysed")
                .register(meters);
        this.failures = Counter.builder("steambytes.analytics.cycle.failures")
                .description("Analytics cycles stopped by an unreachable store").register(meters);
        this.found = Counter.builder("steambytes.analytics.anomalies").description("Anomalies found (new rows)")
                .register(meters);
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (settings.enabled()) {
            registrar.addFixedRateTask(this::run, settings.interval());
        }
    }

    void run() {
        try {
            Outcome outcome = cycle(clock.instant());
            log.debug("Analytics cycle for {}: {} sites analysed, {} skipped", outcome.windowEnd(), outcome.analysed().size(),
                    outcome.skipped());
            deleteOldResults();
        } catch (RuntimeException e) {
            log.error("Analytics cycle failed", e);
        }
    }

    /** One cycle at {@code now}: every enabled site this replica gets and nobody analysed for this window yet. */
    public Outcome cycle(Instant now) {
        long started = System.nanoTime();
        Instant windowEnd = alignedEnd(now, settings.interval());
        List<String> done = new ArrayList<>();
        int skipped = 0;
        stream.publishPending(); // anything a crash left between commit and stream
        try {
            for (AnalysedSite site : sites.enabledSites()) {
                if (analyse(site, windowEnd, now)) {
                    done.add(site.siteId());
                } else {
                    skipped++;
                }
            }
        } catch (ReadingStoreUnavailableException e) {
            failures.increment();
            log.warn("Analytics cycle for {} stopped: the reading store is unreachable ({}); cached results stay,"
                    + " the next cycle catches up", windowEnd, e.getMessage());
            return new Outcome(windowEnd, done, skipped, true);
        } finally {
            duration.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
        return new Outcome(windowEnd, done, skipped, false);
    }

    /** A site's window as its transaction committed it: the results and how many anomalies were new. */
    private record Stored(SiteResults results, int newAnomalies) {
    }

    /** False when another replica has the site now or analysed this window already. */
    private boolean analyse(AnalysedSite site, Instant windowEnd, Instant now) {
        Instant windowStart = windowEnd.minus(Duration.ofMinutes(site.config().windowMinutes()));
        Stored stored = transactions.execute(tx -> {
            boolean mine = jdbc.sql("SELECT pg_try_advisory_xact_lock(hashtext('ai-processor:site:' || ?))")
                    .param(site.siteId()).query(Boolean.class).single();
            if (!mine || jdbc.sql("INSERT INTO analytics_runs (site_id, window_end, replica) VALUES (?, ?, ?)"
                            + " ON CONFLICT DO NOTHING")
                    .params(site.siteId(), Timestamp.from(windowEnd), replica).update() == 0) {
                return null;
            }
            List<SensorSeries> window = readings.siteWindow(site.siteId(), windowStart, windowEnd);
            SiteResults siteResults = SiteAnalysis.analyse(site, windowStart, windowEnd, window, now);
            SiteDetection.Outcome detection = SiteDetection.run(site, siteResults, window,
                    anomalies.states(site.siteId()));
            results.store(siteResults);
            int inserted = anomalies.store(site.siteId(), detection.states(), detection.anomalies());
            found.increment(inserted);
            return new Stored(siteResults, inserted);
        });
        if (stored == null) {
            return false;
        }
        if (stored.newAnomalies() > 0) {
            stream.publishPending(); // at once for alert-service; the next cycle's first sweep catches any left
        }
        results.cache(stored.results(), anomalies.recent(site.siteId(), now.minus(LatestResults.RECENT_ANOMALIES),
                LatestResults.RECENT_ANOMALIES_LIMIT));
        analysed.increment();
        return true;
    }

    private void deleteOldResults() {
        Instant now = clock.instant();
        if (Duration.between(retentionDoneAt, now).compareTo(RETENTION_EVERY) < 0) {
            return;
        }
        retentionDoneAt = now;
        int deleted = results.deleteBefore(now.minus(settings.retention()));
        int deletedAnomalies = anomalies.deleteBefore(now.minus(settings.retention()));
        if (deleted + deletedAnomalies > 0) {
            log.info("Deleted {} analytics results and {} anomalies older than {}", deleted, deletedAnomalies,
                    settings.retention());
        }
    }

    /** The window's end: {@code now} rounded down to the interval grid (epoch-aligned). */
    static Instant alignedEnd(Instant now, Duration interval) {
        long step = interval.toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), step) * step);
    }
}
