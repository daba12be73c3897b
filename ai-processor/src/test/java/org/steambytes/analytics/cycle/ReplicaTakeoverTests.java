package org.steambytes.analytics.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.steambytes.analytics.AnalyticsApplication;
import org.steambytes.common.reading.Reading;
import org.steambytes.common.reading.ReadingStore;
import org.steambytes.testsupport.Fixtures;
import org.steambytes.testsupport.InProcessService;

/**
 * Two ai-processor replicas, each running its own scheduled cycle every 2 s on the same stores: every
 * window of every site is analysed exactly once while both live, and when one is stopped the other
 * analyses all the sites from the next window on.
 */
class ReplicaTakeoverTests {

    private static final int SITES = 6;
    private static final Duration INTERVAL = Duration.ofSeconds(2);

    @Test
    void twoReplicasSplitTheSitesAndTheSurvivorTakesThemAllWithinOneInterval() throws Exception {
        List<String> sites = new ArrayList<>();
        for (int i = 0; i < SITES; i++) {
            sites.add(Fixtures.boilerHouse().siteId());
        }
        String in = "('" + String.join("', '", sites) + "')";
        ConfigurableApplicationContext a = replica("replica-a");
        ConfigurableApplicationContext b = replica("replica-b");
        try {
            ReadingStore store = a.getBean(ReadingStore.class);
            for (String site : sites) {
                store.write(List.of(new Reading(site, "b1-o2", "flue_gas_o2", 3.0, Instant.now().minusSeconds(20))));
            }
            Instant bothSince = Instant.now().plus(INTERVAL);
            waitForWindowsAfter(in, bothSince, 3);
            a.close();
            Instant aStopped = Instant.now();

            waitForWindowsAfter(in, aStopped.plus(INTERVAL.multipliedBy(2)), 2);
            assertThat(Fixtures.count("SELECT count(*) FROM (SELECT window_end FROM analytics_runs WHERE site_id IN " + in
                    + " AND window_end > '" + bothSince + "' AND window_end < '" + aStopped.minus(INTERVAL)
                    + "' GROUP BY window_end HAVING count(*) <> " + SITES + ") partial"))
                    .as("while both live, no window leaves a site out").isZero();
            Instant takenOver = aStopped.plus(INTERVAL.multipliedBy(2));
            assertThat(Fixtures.count("SELECT count(*) FROM analytics_runs WHERE site_id IN " + in + " AND window_end > '"
                    + takenOver + "' AND replica <> 'replica-b'")).as("only the survivor works after the stop").isZero();
            assertThat(Fixtures.count("SELECT count(*) FROM (SELECT window_end FROM analytics_runs WHERE site_id IN " + in
                    + " AND window_end > '" + takenOver + "' GROUP BY window_end HAVING count(*) <> " + SITES + ") partial"))
                    .as("from the next window on, the survivor analyses every site").isZero();
            assertThat(Fixtures.count("SELECT count(DISTINCT site_id) FROM analytics_results WHERE site_id IN " + in
                    + " AND kind = 'window_stats'")).isEqualTo(SITES);
        } finally {
            a.close();
            b.close();
        }
    }

    private static ConfigurableApplicationContext replica(String name) {
        return InProcessService.start(AnalyticsApplication.class, "ai-processor", Map.of(
                "steambytes.analytics.interval", INTERVAL.toSeconds() + "s", "steambytes.analytics.replica", name,
                "steambytes.internal.token", "replica-takeover-token-0123456789"));
    }

    /** Waits until {@code windows} windows ending after {@code after} hold every site. */
    private static void waitForWindowsAfter(String in, Instant after, int windows) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            long complete = Fixtures.count("SELECT count(*) FROM (SELECT window_end FROM analytics_runs WHERE site_id IN "
                    + in + " AND window_end > '" + after + "' GROUP BY window_end HAVING count(*) = " + SITES + ") w");
            if (complete >= windows) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(windows + " complete windows after " + after + " did not come within 60 s");
    }
}
