package org.steambytes.alerting.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.steambytes.alerting.AlertingTestSupport.anomaly;
import static org.steambytes.alerting.AlertingTestSupport.anomalyRule;
import static org.steambytes.alerting.AlertingTestSupport.body;
import static org.steambytes.alerting.AlertingTestSupport.mailTo;
import static org.steambytes.alerting.AlertingTestSupport.stream;

import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.steambytes.alerting.AlertingApplication;
import org.steambytes.alerting.AlertingTestSupport;
import org.steambytes.alerting.AlertingTestSupport.Site;
import org.steambytes.common.redis.RedisKeys;
import org.steambytes.common.stream.AnomalyStreamEntry;
import org.steambytes.testsupport.Fixtures;
import org.steambytes.testsupport.InProcessService;
import org.steambytes.testsupport.RealStores;

/** The anomaly follower on the real anomalies stream, PostgreSQL, Redis and SMTP server (GreenMail). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AnomalyFollowerTests {

    private static final String GROUP = "anomaly-test-" + UUID.randomUUID().toString().substring(0, 8);
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String PRESSURE = "b1-steam-pressure";
    private static final String O2 = "b1-o2";

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        AlertingTestSupport.register(registry, AlertingTestSupport.analyticsProperties(GROUP));
    }

    @AfterAll
    static void stopFollowing(@Autowired ApplicationContext context) {
        AlertingTestSupport.stopAnalytics(context, GROUP);
        AlertingTestSupport.dropGroup(context, GROUP);
    }

    @Autowired
    StringRedisTemplate redis;
    @Autowired
    ApplicationContext context;

    @Test
    void anomaliesOpenOneAlertPerWatchingRuleAndNothingForOtherSensorsOrDetectors() {
        Site site = AlertingTestSupport.site();
        UUID anyDetector = anomalyRule(site, PRESSURE, null, null, "medium");
        UUID ewmaOnly = anomalyRule(site, PRESSURE, "ewma", null, "medium");
        UUID cusumOnO2 = anomalyRule(site, O2, "cusum", null, "medium");
        Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        stream(redis, anomaly(site, PRESSURE, "zscore", 12.6, 3.5, "z 4.1 over 3 samples", t));
        stream(redis, anomaly(site, PRESSURE, "ewma", 12.7, 12.1, "EWMA 12.3 above its upper limit 12.1", t.plusSeconds(1)));
        stream(redis, anomaly(site, "b1-flue-gas-temp", "cusum", 230, 8, "CUSUM C+ 9.2 above H 8", t));
        stream(redis, anomaly(site, O2, "ewma", 5.9, 5.1, "EWMA 5.4 above its upper limit 5.1", t));

        awaitFollowed(site, 4);
        assertThat(alertsOf(anyDetector)).isEqualTo(1);
        assertThat(alertsOf(ewmaOnly)).isEqualTo(1);
        assertThat(alertsOf(cusumOnO2)).as("another detector").isZero();
        assertThat(Fixtures.count("SELECT count(*) FROM alerts WHERE site_id = '" + site.siteId() + "'")).isEqualTo(2);
        assertThat(Fixtures.countText("SELECT kind || '|' || sensor_id || '|' || value || '|' || limit_value || '|' || message"
                + " || '|' || opened_at FROM alerts WHERE rule_id = '" + anyDetector + "'"))
                .isEqualTo("anomaly|b1-steam-pressure|12.6|3.5|b1-steam-pressure anomaly (zscore): z 4.1 over 3 samples|"
                        + Fixtures.countText("SELECT '" + t + "'::timestamptz::text"));
        assertThat(Fixtures.count("SELECT count(*) FROM alert_events e JOIN alerts a USING (alert_id) WHERE a.rule_id = '"
                + anyDetector + "'")).as("the second anomaly kept the open alert: no second one").isEqualTo(1);
    }

    @Test
    void theSameEntryDeliveredTwiceAlertsOnce() {
        Site site = AlertingTestSupport.site();
        UUID rule = anomalyRule(site, PRESSURE, null, null, "medium");
        AnomalyStreamEntry entry = anomaly(site, PRESSURE, "cusum", 13.0, 2.0, "CUSUM C+ 2.5 above H 2.0", Instant.now());

        stream(redis, entry);
        stream(redis, entry); // at least once: ai-processor died between XADD and marking the row streamed
        AnomalyStreamEntry marker = anomaly(site, "b1-flue-gas-temp", "zscore", 230, 3.5, "nobody watches this", Instant.now());
        stream(redis, marker);

        awaitFollowed(site, 2);
        await().atMost(WAIT).until(() -> pending() == 0);
        assertThat(alertsOf(rule)).isEqualTo(1);
        assertThat(Fixtures.count("SELECT count(*) FROM alert_events e JOIN alerts a USING (alert_id) WHERE a.site_id = '"
                + site.siteId() + "'")).isEqualTo(1);
        assertThat(Fixtures.count("SELECT count(*) FROM notification_outbox WHERE site_id = '" + site.siteId() + "'"))
                .isEqualTo(1);
    }

    @Test
    void anEntryLeftPendingByAFollowerThatDiedIsClaimedAndFollowed() {
        Site site = AlertingTestSupport.site();
        UUID rule = anomalyRule(site, PRESSURE, null, null, "medium");
        AnomalyStreamFollower follower = context.getBean(AnomalyStreamFollower.class);
        follower.stop();
        try {
            stream(redis, anomaly(site, PRESSURE, "ewma", 12.9, 12.2, "EWMA above its limit", Instant.now()));
            List<MapRecord<String, Object, Object>> taken = redis.opsForStream().read(Consumer.from(GROUP, "dead-follower"),
                    StreamReadOptions.empty().count(100_000), StreamOffset.create(RedisKeys.ANOMALIES_STREAM,
                            ReadOffset.lastConsumed()));
            assertThat(taken).anyMatch(entry -> site.siteId().equals(entry.getValue().get("site_id")));
            assertThat(pendingOf("dead-follower")).isEqualTo(taken.size());
        } finally {
            follower.start();
        }

        await().atMost(WAIT).until(() -> alertsOf(rule) == 1 && pendingOf("dead-follower") == 0); // claim-idle: 2 s
        assertThat(Fixtures.count("SELECT count(*) FROM followed_anomalies WHERE site_id = '" + site.siteId() + "'"))
                .isEqualTo(1);
    }

    @Test
    void aFollowerRestartedUnderItsNameFollowsWhatItHadTakenBeforeItStopped() {
        Site site = AlertingTestSupport.site();
        UUID rule = anomalyRule(site, PRESSURE, null, null, "medium");
        String name = "restarted-" + UUID.randomUUID().toString().substring(0, 8);
        AnomalyStreamFollower follower = context.getBean(AnomalyStreamFollower.class);
        follower.stop();
        ConfigurableApplicationContext restarted = null;
        try {
            stream(redis, anomaly(site, PRESSURE, "zscore", 13.1, 3.5, "z 5.2", Instant.now()));
            List<MapRecord<String, Object, Object>> taken = redis.opsForStream().read(Consumer.from(GROUP, name),
                    StreamReadOptions.empty().count(100_000), StreamOffset.create(RedisKeys.ANOMALIES_STREAM,
                            ReadOffset.lastConsumed()));
            assertThat(taken).anyMatch(entry -> site.siteId().equals(entry.getValue().get("site_id")));

            Map<String, String> settings = new LinkedHashMap<>(AlertingTestSupport.analyticsProperties(GROUP));
            settings.put("steambytes.stream.enabled", "false");
            settings.put("steambytes.analytics.consumer", name); // what the default host:port name gives a restart
            settings.put("steambytes.analytics.claim-idle", "1h"); // nobody claims it: it reads its own pending first
            restarted = InProcessService.start(AlertingApplication.class, "alert-service", settings);

            await().atMost(WAIT).until(() -> alertsOf(rule) == 1 && pendingOf(name) == 0);
        } finally {
            if (restarted != null) {
                restarted.getBean("anomalyStreamFollower", org.springframework.context.SmartLifecycle.class).stop();
                restarted.close();
            }
            follower.start();
        }
    }

    @Test
    void anomaliesCommittedOutOfIdOrderAreBothFollowed() throws Exception {
        Site site = AlertingTestSupport.site();
        UUID pressureRule = anomalyRule(site, PRESSURE, null, null, "medium");
        UUID o2Rule = anomalyRule(site, O2, null, null, "medium");
        Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        try (Connection first = RealStores.connect(); Connection second = RealStores.connect()) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            AnomalyStreamEntry lower = insert(first, site, PRESSURE, t);  // takes the lower id, commits last
            AnomalyStreamEntry higher = insert(second, site, O2, t);
            assertThat(higher.anomalyId()).isGreaterThan(lower.anomalyId());

            second.commit();
            stream(redis, higher); // ai-processor streams a row once it committed
            await().atMost(WAIT).until(() -> alertsOf(o2Rule) == 1);
            first.commit();
            stream(redis, lower);
        }

        await().atMost(WAIT).until(() -> alertsOf(pressureRule) == 1);
        awaitFollowed(site, 2);
    }

    @Test
    void anAnomalyAlertResolvesOnceItsClearTimePassesWithoutANewOne() {
        Site site = AlertingTestSupport.site();
        UUID rule = anomalyRule(site, PRESSURE, "ewma", 6, "medium"); // resolves 6 s after the newest anomaly
        // (6 s, not less: the follower has 4 s to take in the second anomaly before the first one's quiet
        // time ends, enough on a loaded build host)
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        stream(redis, anomaly(site, PRESSURE, "ewma", 12.8, 12.2, "EWMA above its limit", t0));
        await().atMost(WAIT).until(() -> alertsOf(rule) == 1);

        pauseUntil(t0.plusSeconds(2));
        Instant t2 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        stream(redis, anomaly(site, PRESSURE, "ewma", 12.9, 12.2, "EWMA still above its limit", t2));
        stream(redis, anomaly(site, PRESSURE, "zscore", 13.0, 3.5, "another detector: not this rule's", t2.plusSeconds(2)));
        awaitFollowed(site, 3);
        pauseUntil(t0.plusMillis(6_500)); // the first anomaly's 6 s are over, the second's are not
        assertThat(stateOf(rule)).isEqualTo("open");

        await().atMost(WAIT).until(() -> "resolved".equals(stateOf(rule)));
        assertThat(Fixtures.count("SELECT count(*) FROM alerts WHERE rule_id = '" + rule + "' AND resolved_at = '"
                + t2.plusSeconds(6) + "'::timestamptz")).as("resolved when the quiet time after the newest ended").isEqualTo(1);
        assertThat(Fixtures.count("SELECT count(*) FROM alerts WHERE rule_id = '" + rule + "'")).isEqualTo(1);
    }

    @Test
    void anAnomalyAlertReachesTheSmtpServerAsExactlyOneMailWithItsExplanation() throws Exception {
        Site site = AlertingTestSupport.site();
        anomalyRule(site, PRESSURE, null, null, "medium");
        String explanation = "EWMA 12.31 bar above its upper control limit 12.10 bar (L = 4σ) after a step at 10:02";

        stream(redis, anomaly(site, PRESSURE, "ewma", 12.6, 12.1, explanation, Instant.now()));

        await().atMost(WAIT).until(() -> mailTo(site.oncall()).size() == 1);
        MimeMessage mail = mailTo(site.oncall()).get(0);
        assertThat(mail.getSubject()).isEqualTo("[SteamBytes] MEDIUM opened: " + site.name() + " — b1-steam-pressure anomaly"
                + " (ewma): " + explanation);
        assertThat(body(mail)).contains("Alert:     b1-steam-pressure anomaly (ewma): " + explanation, "Value:     12.6 bar",
                "Limit:     12.1 (the detector's threshold)", "Severity:  medium");
        await().pollDelay(Duration.ofSeconds(1)).atMost(WAIT).until(() -> true);
        assertThat(mailTo(site.oncall())).as("exactly one").hasSize(1);
    }

    @Test
    void anUnreadableEntryIsAcknowledgedAndHoldsBackNothing() {
        Site site = AlertingTestSupport.site();
        UUID rule = anomalyRule(site, PRESSURE, null, null, "medium");

        redis.opsForStream().add(StreamRecords.newRecord().in(RedisKeys.ANOMALIES_STREAM)
                .ofMap(Map.of("anomaly_id", "not-a-number", "site_id", site.siteId())));
        stream(redis, anomaly(site, PRESSURE, "zscore", 13.0, 3.5, "z 6.0", Instant.now()));

        await().atMost(WAIT).until(() -> alertsOf(rule) == 1);
        await().atMost(WAIT).until(() -> pending() == 0);
    }

    @Test
    void followedAnomaliesOlderThanADayAreForgotten() {
        Site site = AlertingTestSupport.site();
        Fixtures.execute("INSERT INTO followed_anomalies (anomaly_id, site_id, followed_at) VALUES"
                + " (-1000001, '" + site.siteId() + "', now() - interval '25 hours'),"
                + " (-1000002, '" + site.siteId() + "', now() - interval '23 hours')");

        context.getBean(AnomalyClearing.class).forgetOld();

        assertThat(Fixtures.countText("SELECT string_agg(anomaly_id::text, ',') FROM followed_anomalies WHERE site_id = '"
                + site.siteId() + "'")).isEqualTo("-1000002");
    }

    private static AnomalyStreamEntry insert(Connection connection, Site site, String sensorId, Instant at) throws Exception {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO anomalies (site_id, sensor_id, detector,"
                + " observed_at, value, score, threshold, explanation) VALUES (?, ?, 'zscore', ?, 9.9, 4.2, 3.5, 'z 4.2')"
                + " RETURNING id")) {
            insert.setString(1, site.siteId());
            insert.setString(2, sensorId);
            insert.setTimestamp(3, java.sql.Timestamp.from(at));
            try (ResultSet rs = insert.executeQuery()) {
                rs.next();
                return new AnomalyStreamEntry(rs.getLong(1), site.siteId(), sensorId, "zscore", at, 9.9, 4.2, 3.5, "z 4.2");
            }
        }
    }

    private static void awaitFollowed(Site site, int count) {
        await().atMost(WAIT).until(() -> Fixtures.count("SELECT count(*) FROM followed_anomalies WHERE site_id = '"
                + site.siteId() + "'") == count);
    }

    private static long alertsOf(UUID ruleId) {
        return Fixtures.count("SELECT count(*) FROM alerts WHERE rule_id = '" + ruleId + "'");
    }

    private static String stateOf(UUID ruleId) {
        return Fixtures.countText("SELECT string_agg(state, ',') FROM alerts WHERE rule_id = '" + ruleId + "'");
    }

    private static void pauseUntil(Instant at) {
        long millis = Duration.between(Instant.now(), at).toMillis();
        if (millis > 0) {
            await().pollDelay(Duration.ofMillis(millis)).atMost(Duration.ofMillis(millis + 5_000)).until(() -> true);
        }
    }

    private long pending() {
        return redis.opsForStream().pending(RedisKeys.ANOMALIES_STREAM, GROUP).getTotalPendingMessages();
    }

    private long pendingOf(String consumer) {
        return redis.opsForStream().pending(RedisKeys.ANOMALIES_STREAM, Consumer.from(GROUP, consumer), Range.unbounded(), 100)
                .size();
    }

    static {
        System.setProperty("mail.mime.charset", StandardCharsets.UTF_8.name());
    }
}
