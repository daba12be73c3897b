package org.steambytes.analytics.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.annotation.DirtiesContext;
import org.steambytes.common.reading.Reading;
import org.steambytes.common.reading.ReadingStore;
import org.steambytes.testsupport.Fixtures;
import org.steambytes.testsupport.RealStores;

/** The cycle runs by itself, every interval, as the service is started (not only when a test calls it). */
@SpringBootTest(properties = "steambytes.analytics.interval=1s")
@DirtiesContext // its 1-second cycle must not run on beside the other test classes
class ScheduledCycleTests {

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        RealStores.register(registry);
        registry.add("steambytes.internal.token", () -> "scheduled-cycle-token-0123456789");
    }

    @Autowired
    ReadingStore store;

    @Test
    void analysesEachEnabledSiteEveryInterval() throws InterruptedException {
        String site = Fixtures.boilerHouse().siteId();
        store.write(List.of(new Reading(site, "b1-o2", "flue_gas_o2", 3.0, Instant.now().minusSeconds(30))));

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        long windows = 0;
        while (System.nanoTime() < deadline && windows < 2) {
            Thread.sleep(200);
            windows = Fixtures.count("SELECT count(*) FROM analytics_runs WHERE site_id = '" + site + "'");
        }
        assertThat(windows).as("windows of the site analysed by the scheduled cycle").isGreaterThanOrEqualTo(2);
        assertThat(Fixtures.count("SELECT count(*) FROM analytics_results WHERE site_id = '" + site
                + "' AND kind = 'window_stats' AND sensor_id = 'b1-o2'")).isGreaterThanOrEqualTo(1);
    }
}
