package org.steambytes.analytics.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.steambytes.analytics.anomaly.AnomalyStream;
import org.steambytes.analytics.site.SiteAnalyticsConfig;
import org.steambytes.analytics.site.SiteDirectory;
import org.steambytes.common.reading.Reading;
import org.steambytes.common.reading.ReadingStore;
import org.steambytes.common.redis.RedisKeys;
import org.steambytes.common.stream.AnomalyStreamEntry;
import org.steambytes.testsupport.Fixtures;
import org.steambytes.testsupport.RealStores;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The detectors inside the cycle, on real InfluxDB, PostgreSQL and Redis: the first look examines
 * nothing, the next finds the excursion in the new points, stores each anomaly once with its
 * explanation, keeps the detectors' state, lists the anomalies in the cached result set and streams
 * them for alert-service.
 */
@SpringBootTest(properties = "steambytes.analytics.enabled=false")
class AnomalyCycleTests {

    private static final Instant HOUR_START = Instant.parse("2026-11-28T10:00:00Z");

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        RealStores.register(registry);
        registry.add("steambytes.internal.token", () -> "analytics-test-token-0123456789");
    }

    @Autowired
    AnalyticsCycle cycle;

    @Autowired
    ReadingStore store;

    @Autowired
    AnomalyStream stream;

    @Autowired
    SiteDirectory sites;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    JsonMapper json;

    @Test
    void findsTheExcursionInTheNewPointsOnceExplainsItCachesAndStreamsIt() {
        String site = Fixtures.boilerHouse().siteId();
        Random noise = new Random(5);
        List<Reading> hour = new ArrayList<>();
        for (int s = 0; s < 3600; s += 10) {
            hour.add(new Reading(site, "b1-flue-gas-temp", "flue_gas_temperature", 180 + 2 * noise.nextGaussian(),
                    HOUR_START.plusSeconds(s)));
        }
        hour.add(new Reading(site, "b1-o2", "flue_gas_o2", 3.0, HOUR_START.plusSeconds(3590))); // with an hour of
        store.write(hour); // history, including a wild point, before the first look:
        store.write(List.of(new Reading(site, "b1-flue-gas-temp", "flue_gas_temperature", 400,
                HOUR_START.plusSeconds(60).plusMillis(1)))); // out of the next window

        cycle.cycle(HOUR_START.plusSeconds(3630)); // window [10:00, 11:00)
        assertThat(anomalies(site)).as("the first look at back-filled history raises nothing").isZero();
        assertThat(Fixtures.count("SELECT count(*) FROM anomaly_detector_states WHERE site_id = '" + site
                + "' AND sensor_id = 'b1-flue-gas-temp' AND examined_until = '" + HOUR_START.plusSeconds(3590) + "'"))
                .as("each detector remembers the newest point it examined").isEqualTo(3);

        List<Reading> excursion = new ArrayList<>();
        for (int s = 3600; s < 3720; s += 10) {
            excursion.add(new Reading(site, "b1-flue-gas-temp", "flue_gas_temperature",
                    s < 3660 ? 180 + 2 * noise.nextGaussian() : 212 + noise.nextGaussian(), HOUR_START.plusSeconds(s)));
        }
        store.write(excursion);
        cycle.cycle(HOUR_START.plusSeconds(3750)); // window [10:02, 11:02): the points after 10:59:50 are new

        assertThat(Fixtures.countText("SELECT string_agg(DISTINCT detector, ',' ORDER BY detector) FROM anomalies"
                + " WHERE site_id = '" + site + "'")).isEqualTo("cusum,ewma,zscore");
        assertThat(Fixtures.count("SELECT count(*) FROM anomalies WHERE site_id = '" + site
                + "' AND observed_at < '" + HOUR_START.plusSeconds(3660) + "'")).as("only the excursion").isZero();
        String explanation = Fixtures.countText("SELECT explanation FROM anomalies WHERE site_id = '" + site
                + "' AND detector = 'zscore' ORDER BY observed_at LIMIT 1");
        assertThat(explanation).matches("flue gas temperature 21\\d\\.\\d °C is \\d+\\.\\d σ above its 60-min mean"
                + " 1[78]\\d\\.\\d+ °C \\(2 readings in a row beyond 3\\.5 σ\\)");
        assertThat(Fixtures.count("SELECT count(*) FROM anomalies WHERE site_id = '" + site
                + "' AND (score <= threshold OR value < 205)")).as("each row's numbers say why").isZero();
        long stored = anomalies(site);

        JsonNode snapshot = json.readTree(redis.opsForValue().get(RedisKeys.analytics(site)));
        JsonNode listed = snapshot.path("anomalies");
        assertThat(listed).hasSize((int) stored);
        assertThat(listed.get(0).path("observed_at").asString())
                .isGreaterThanOrEqualTo(listed.get(listed.size() - 1).path("observed_at").asString());
        assertThat(listed.get(0).has("anomaly_id") && listed.get(0).has("explanation")
                && listed.get(0).has("threshold")).isTrue();

        List<AnomalyStreamEntry> streamed = streamedOf(site);
        assertThat(streamed).hasSize((int) stored);
        assertThat(Fixtures.count("SELECT count(*) FROM anomalies WHERE site_id = '" + site
                + "' AND streamed_at IS NULL")).isZero();

        // The same window again, by a replica that missed the claim and the state: nothing twice.
        Fixtures.execute("DELETE FROM analytics_runs WHERE site_id = '" + site + "'");
        Fixtures.execute("UPDATE anomaly_detector_states SET examined_until = '" + HOUR_START.plusSeconds(3590)
                + "', samples = 0, statistic = 0, statistic_lower = 0 WHERE site_id = '" + site + "'");
        cycle.cycle(HOUR_START.plusSeconds(3750));
        assertThat(anomalies(site)).as("the unique key keeps every anomaly once").isEqualTo(stored);
        assertThat(streamedOf(site)).as("and nothing is streamed twice").hasSize((int) stored);
    }

    @Test
    void streamsRowsThatCommitOutOfIdOrder() throws Exception {
        String site = Fixtures.boilerHouse().siteId();
        stream.publishPending();
        try (Connection slow = RealStores.connect(); Connection fast = RealStores.connect()) {
            slow.setAutoCommit(false);
            long first = insertAnomaly(slow, site, HOUR_START); // the lower id, still uncommitted
            long second = insertAnomaly(fast, site, HOUR_START.plusSeconds(10)); // committed at once
            assertThat(second).isGreaterThan(first);

            stream.publishPending();
            assertThat(streamedOf(site)).extracting(AnomalyStreamEntry::anomalyId).containsExactly(second);

            slow.commit();
            stream.publishPending();
            assertThat(streamedOf(site)).extracting(AnomalyStreamEntry::anomalyId).containsExactly(second, first);
        }
    }

    @Test
    void aSiteWithoutSettingsGetsTheColumnDefaults() {
        String withRow = Fixtures.boilerHouse().siteId();
        Fixtures.execute("INSERT INTO analytics_configs (site_id) VALUES ('" + withRow + "')");
        String withoutRow = Fixtures.boilerHouse().siteId();
        SiteAnalyticsConfig stored = sites.enabledSites().stream().filter(s -> s.siteId().equals(withRow)).findFirst()
                .orElseThrow().config();
        assertThat(stored).as("the code's defaults are the migration's").isEqualTo(SiteAnalyticsConfig.DEFAULTS);
        assertThat(sites.enabledSites()).filteredOn(s -> s.siteId().equals(withoutRow))
                .allMatch(s -> s.config().equals(SiteAnalyticsConfig.DEFAULTS));
    }

    private static long insertAnomaly(Connection connection, String site, Instant observedAt) throws Exception {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO anomalies (site_id, sensor_id, detector,"
                + " observed_at, value, score, threshold, explanation) VALUES (?, 'b1-flue-gas-temp', 'zscore', ?, 212, 4,"
                + " 3.5, 'test') RETURNING id")) {
            insert.setString(1, site);
            insert.setTimestamp(2, Timestamp.from(observedAt));
            try (var rs = insert.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private List<AnomalyStreamEntry> streamedOf(String site) {
        List<MapRecord<String, Object, Object>> records = redis.opsForStream().range(RedisKeys.ANOMALIES_STREAM,
                Range.unbounded());
        return records.stream().filter(record -> site.equals(record.getValue().get(AnomalyStreamEntry.SITE_ID)))
                .map(record -> AnomalyStreamEntry.decode(record.getValue())).toList(); // the stream is shared
    }

    private static long anomalies(String site) {
        return Fixtures.count("SELECT count(*) FROM anomalies WHERE site_id = '" + site + "'");
    }
}
