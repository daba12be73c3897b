package org.steambytes.analytics.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.steambytes.common.reading.Reading;
import org.steambytes.common.reading.ReadingStore;
import org.steambytes.common.redis.RedisKeys;
import org.steambytes.testsupport.Fixtures;
import org.steambytes.testsupport.RealStores;
import org.steambytes.testsupport.TcpProxy;

/** InfluxDB away: the cycle stops, says so in a metric, keeps the cached results, and catches up when it is back. */
@SpringBootTest(properties = "steambytes.analytics.enabled=false")
@DirtiesContext // its InfluxDB sits behind a proxy of this class
class InfluxOutageTests {

    private static final Instant NOW = Instant.parse("2026-11-28T11:00:30Z");
    private static TcpProxy influx;

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        RealStores.register(registry);
        influx = TcpProxy.to(RealStores.influxUri().getHost(),
                RealStores.influxUri().getPort() > 0 ? RealStores.influxUri().getPort() : 8086);
        registry.add("steambytes.influx.url", () -> "http://127.0.0.1:" + influx.port());
        registry.add("steambytes.internal.token", () -> "outage-test-token-0123456789");
    }

    @AfterAll
    static void closeProxy() {
        influx.close();
    }

    @Autowired
    AnalyticsCycle cycle;

    @Autowired
    ReadingStore store;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    MeterRegistry meters;

    @Test
    void skipsTheCycleKeepsTheCacheAndCatchesUpWhenInfluxdbIsBack() {
        String site = Fixtures.boilerHouse().siteId();
        List<Reading> readings = new ArrayList<>();
        for (int s = 0; s < 7200; s += 10) {
            readings.add(new Reading(site, "b1-o2", "flue_gas_o2", 3.0, NOW.minus(Duration.ofHours(2)).plusSeconds(s)));
        }
        store.write(readings);
        assertThat(cycle.cycle(NOW).analysed()).contains(site);
        String cached = redis.opsForValue().get(RedisKeys.analytics(site));
        double failuresBefore = meters.counter("steambytes.analytics.cycle.failures").count();

        influx.stop();
        Instant later = NOW.plus(Duration.ofMinutes(1));
        AnalyticsCycle.Outcome outage = cycle.cycle(later);

        assertThat(outage.failed()).isTrue();
        assertThat(outage.analysed()).doesNotContain(site);
        assertThat(meters.counter("steambytes.analytics.cycle.failures").count()).isEqualTo(failuresBefore + 1);
        assertThat(redis.opsForValue().get(RedisKeys.analytics(site))).as("cached results stay").isEqualTo(cached);
        assertThat(Fixtures.count("SELECT count(*) FROM analytics_runs WHERE site_id = '" + site + "' AND window_end = '"
                + AnalyticsCycle.alignedEnd(later, Duration.ofSeconds(60)) + "'")).as("the claim is rolled back with the failed site").isZero();

        influx.start();
        assertThat(cycle.cycle(later).analysed()).as("the next cycle takes the site again").contains(site);
    }
}
