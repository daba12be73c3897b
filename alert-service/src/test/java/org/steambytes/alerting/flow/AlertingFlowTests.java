package org.steambytes.alerting.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.steambytes.alerting.AlertingTestSupport.body;
import static org.steambytes.alerting.AlertingTestSupport.mailTo;
import static org.steambytes.alerting.AlertingTestSupport.publish;
import static org.steambytes.alerting.AlertingTestSupport.rule;
import static org.steambytes.alerting.AlertingTestSupport.subjects;

import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.steambytes.alerting.AlertingApplication;
import org.steambytes.alerting.evaluation.SiteEvaluator;
import org.steambytes.common.stream.StreamedReading;
import org.steambytes.testsupport.InProcessService;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.steambytes.alerting.AlertingTestSupport;
import org.steambytes.alerting.AlertingTestSupport.Site;
import org.steambytes.common.redis.RedisKeys;
import org.steambytes.testsupport.Fixtures;
import org.steambytes.testsupport.RealStores;
import org.steambytes.testsupport.ServiceClient;

/** alert-service on the real readings stream, PostgreSQL, Redis and a real SMTP server (GreenMail). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AlertingFlowTests {

    private static final String GROUP = "alert-test-" + UUID.randomUUID().toString().substring(0, 8);
    private static final Duration WAIT = Duration.ofSeconds(30);

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        AlertingTestSupport.register(registry, GROUP);
    }

    @AfterAll
    static void dropGroup(@Autowired ApplicationContext context) {
        AlertingTestSupport.dropGroup(context, GROUP);
    }

    @LocalServerPort
    int port;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    ApplicationContext context;

    @Test
    void aBreachOpensOneAlertAndMailsExactlyWhatHappenedThenTheClearResolvesIt() throws Exception {
        Site site = AlertingTestSupport.site();
        UUID ruleId = rule(site, "threshold", "above", 12.0, 0.5, 0, null, "medium");
        Instant breach = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(30);

        publish(redis, site, breach, 12.6);

        await().atMost(WAIT).until(() -> mailTo(site.oncall()).size() == 1);
        String alertId = Fixtures.countText("SELECT alert_id::text FROM alerts WHERE site_id = '" + site.siteId() + "'");
        MimeMessage opened = mailTo(site.oncall()).get(0);
        assertThat(opened.getSubject()).isEqualTo("[SteamBytes] MEDIUM opened: " + site.name()
                + " — b1-steam-pressure above 12 bar (12.6 bar)");
        assertThat(opened.getFrom()[0].toString()).isEqualTo("alerts@steambytes.example");
        assertThat(opened.getAllRecipients()).extracting(Object::toString).containsExactly(site.oncall());
        assertThat(opened.getHeader("Message-ID")[0]).matches("<alert\\." + alertId + "\\.opened\\.\\d+@steambytes>");
        String localTime = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss zzz", Locale.ROOT)
                .withZone(ZoneId.of("Europe/Berlin")).format(breach);
        assertThat(body(opened)).contains(
                "Sensor:    b1-steam-pressure (steam_pressure)",
                "Value:     12.6 bar",
                "Limit:     12.0 bar",
                "Severity:  medium",
                "Time:      " + localTime + " (Europe/Berlin)",
                "State:     open",
                "Alert id:  " + alertId,
                "Alert page: https://steambytes.example/alerts/" + alertId,
                "Dashboard: https://steambytes.example/sites/" + site.siteId());

        publish(redis, site, breach.plusSeconds(5), 11.8); // inside the deadband: stays open
        awaitEvaluated(site, ruleId, breach.plusSeconds(5));
        assertThat(state(alertId)).isEqualTo("open");

        publish(redis, site, breach.plusSeconds(10), 11.4);
        await().atMost(WAIT).until(() -> mailTo(site.oncall()).size() == 2);
        assertThat(state(alertId)).isEqualTo("resolved");
        MimeMessage resolved = mailTo(site.oncall()).get(1);
        assertThat(resolved.getSubject()).startsWith("[SteamBytes] MEDIUM resolved: " + site.name());
        assertThat(body(resolved)).contains("Value:     11.4 bar", "State:     resolved");
        assertThat(Fixtures.countText("SELECT string_agg(transition || '=' || value || '@' || extract(epoch FROM occurred_at)::bigint, ','"
                + " ORDER BY id) FROM alert_events WHERE alert_id = '" + alertId + "'"))
                .isEqualTo("opened=12.6@" + breach.getEpochSecond() + ",resolved=11.4@" + breach.plusSeconds(10).getEpochSecond());
    }

    @Test
    void aSensorThatFallsQuietRightAfterClearingStillResolvesWhenTheOffDelayHasPassed() {
        Site site = AlertingTestSupport.site();
        rule(site, "threshold", "above", 12.0, 0.5, 2, null, "medium"); // 2 s on- and off-delay
        Instant t = Instant.now().minusSeconds(30).truncatedTo(ChronoUnit.SECONDS);
        publish(redis, site, t, 13.0, t.plusSeconds(2), 13.1); // held 2 s: opens
        publish(redis, site, t.plusSeconds(3), 11.0);           // clear, then the sensor says nothing more

        await().atMost(WAIT).until(() -> "resolved".equals(Fixtures.countText(
                "SELECT string_agg(state, ',') FROM alerts WHERE site_id = '" + site.siteId() + "'")));
        assertThat(Fixtures.count("SELECT count(*) FROM alerts WHERE site_id = '" + site.siteId()
                + "' AND resolved_at = '" + t.plusSeconds(5) + "'::timestamptz")).as("when its off-delay ended").isEqualTo(1);
    }

    @Test
    void theSameEntryDeliveredTwiceOpensOneAlertAndSendsOneMail() {
        Site site = AlertingTestSupport.site();
        UUID ruleId = rule(site, "threshold", "above", 12.0, 0.5, 0, null, "medium");
        Instant breach = Instant.now().minusSeconds(20).truncatedTo(ChronoUnit.MILLIS);

        publish(redis, site, breach, 13.0);
        publish(redis, site, breach, 13.0); // a re-delivery after a crash between commit and acknowledge
        publish(redis, site, breach.plusSeconds(1), 13.1);
        awaitEvaluated(site, ruleId, breach.plusSeconds(1));

        await().atMost(WAIT).until(() -> mailTo(site.oncall()).size() >= 1);
        assertThat(Fixtures.count("SELECT count(*) FROM alerts WHERE site_id = '" + site.siteId() + "'")).isEqualTo(1);
        assertThat(Fixtures.count("SELECT count(*) FROM alert_events e JOIN alerts a USING (alert_id) WHERE a.site_id = '"
                + site.siteId() + "'")).isEqualTo(1);
        assertThat(Fixtures.count("SELECT count(*) FROM notification_outbox WHERE site_id = '" + site.siteId() + "'")).isEqualTo(1);
    }

    @Test
    void anEntryDeliveredAgainAfterItsRedisStateWasLostIsRecognisedAndChangesNothing() {
        Site site = AlertingTestSupport.site();
        rule(site, "threshold", "above", 12.0, 0.5, 0, null, "medium");
        Instant t = Instant.now().minusSeconds(30).truncatedTo(ChronoUnit.MILLIS);
        publish(redis, site, t, 13.0, t.plusSeconds(1), 10.0, t.plusSeconds(2), 13.0); // open, resolve, open
        await().atMost(WAIT).until(() -> Fixtures.count("SELECT count(*) FROM notification_outbox WHERE site_id = '"
                + site.siteId() + "'") == 3);
        String entryId = redis.opsForStream().reverseRange(RedisKeys.READINGS_STREAM,
                        org.springframework.data.domain.Range.unbounded(), org.springframework.data.redis.connection.Limit.limit().count(200))
                .stream().filter(entry -> site.siteId().equals(entry.getValue().get("site_id"))).findFirst().orElseThrow()
                .getId().getValue();

        // The consumer died after the commit, before writing its Redis state and acknowledging: the entry comes again.
        redis.delete(RedisKeys.alertSiteState(site.siteId()));
        int transitions = context.getBean(SiteEvaluator.class).evaluate(site.siteId(), entryId, List.of(
                new StreamedReading("b1-steam-pressure", "steam_pressure", 13.0, t.toEpochMilli()),
                new StreamedReading("b1-steam-pressure", "steam_pressure", 10.0, t.plusSeconds(1).toEpochMilli()),
                new StreamedReading("b1-steam-pressure", "steam_pressure", 13.0, t.plusSeconds(2).toEpochMilli())));

        assertThat(transitions).isZero();
        assertThat(Fixtures.countText("SELECT string_agg(state, ',' ORDER BY opened_at) FROM alerts WHERE site_id = '"
                + site.siteId() + "'")).isEqualTo("resolved,open");
        assertThat(Fixtures.count("SELECT count(*) FROM notification_outbox WHERE site_id = '" + site.siteId() + "'"))
                .isEqualTo(3);
        // and the rebuilt state knows the open alert: the next clear resolves it
        publish(redis, site, t.plusSeconds(3), 10.0);
        await().atMost(WAIT).until(() -> Fixtures.count("SELECT count(*) FROM alerts WHERE state = 'resolved' AND site_id = '"
                + site.siteId() + "'") == 2);
    }

    @Test
    void anOlderEntryStillPendingBehindARecognisedOneIsNotJudgedAgainstTheRebuiltState() {
        Site site = AlertingTestSupport.site();
        rule(site, "threshold", "above", 12.0, 0.5, 0, null, "medium");
        Instant t = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.MILLIS);
        SiteEvaluator evaluator = context.getBean(SiteEvaluator.class);
        String e1 = "test-" + UUID.randomUUID().toString().substring(0, 18);
        // A crashed consumer's three entries: the first opened, the third resolved, the second never ran.
        assertThat(evaluator.evaluate(site.siteId(), e1, List.of(steamPressure(13.0, t)))).isEqualTo(1);
        assertThat(evaluator.evaluate(site.siteId(), "test-" + UUID.randomUUID().toString().substring(0, 18),
                List.of(steamPressure(11.0, t.plusSeconds(10))))).isEqualTo(1);
        // The first comes again with the site's Redis state lost: recognised, the state re-read from PostgreSQL.
        redis.delete(RedisKeys.alertSiteState(site.siteId()));
        assertThat(evaluator.evaluate(site.siteId(), e1, List.of(steamPressure(13.0, t)))).isZero();

        // The second is claimed now: its reading is older than what was judged already.
        int transitions = evaluator.evaluate(site.siteId(), "test-" + UUID.randomUUID().toString().substring(0, 18),
                List.of(steamPressure(13.5, t.plusSeconds(5))));

        assertThat(transitions).isZero();
        assertThat(Fixtures.countText("SELECT string_agg(state, ',') FROM alerts WHERE site_id = '" + site.siteId() + "'"))
                .isEqualTo("resolved");
    }

    private static StreamedReading steamPressure(double value, Instant at) {
        return new StreamedReading("b1-steam-pressure", "steam_pressure", value, at.toEpochMilli());
    }

    @Test
    void entriesLeftPendingByACrashedConsumerAreClaimedAndEvaluatedOnce() {
        Site site = AlertingTestSupport.site();
        UUID ruleId = rule(site, "threshold", "above", 12.0, 0.5, 0, null, "medium");
        Instant breach = Instant.now().minusSeconds(20).truncatedTo(ChronoUnit.MILLIS);
        // The service's consumer pauses; a doomed consumer takes the site's entry and dies without acknowledging.
        SmartLifecycle serviceConsumer = context.getBean("readingsStreamConsumer", SmartLifecycle.class);
        serviceConsumer.stop();
        List<MapRecord<String, Object, Object>> taken;
        try {
            publish(redis, site, breach, 12.9, breach.plusSeconds(1), 13.2);
            taken = redis.opsForStream().read(Consumer.from(GROUP, "crashed-consumer"), StreamReadOptions.empty().count(100_000),
                    StreamOffset.create(RedisKeys.READINGS_STREAM, ReadOffset.lastConsumed()));
        } finally {
            serviceConsumer.start();
        }
        assertThat(taken).anyMatch(entry -> site.siteId().equals(entry.getValue().get("site_id")));
        assertThat(pendingOf("crashed-consumer")).isEqualTo(taken.size());

        await().atMost(WAIT).until(() -> Fixtures.count("SELECT count(*) FROM alerts WHERE site_id = '" + site.siteId()
                + "'") == 1 && pendingOf("crashed-consumer") == 0);
        awaitEvaluated(site, ruleId, breach.plusSeconds(1));
        assertThat(Fixtures.count("SELECT count(*) FROM alerts WHERE site_id = '" + site.siteId() + "'")).isEqualTo(1);
        await().atMost(WAIT).until(() -> mailTo(site.oncall()).size() == 1);
    }

    @Test
    void aRuleDisabledAMomentAgoOpensNothingThoughThisReplicaStillHoldsItsCopy() {
        Site site = AlertingTestSupport.site();
        UUID ruleId = rule(site, "threshold", "above", 12.0, 0.5, 0, null, "medium");
        Instant t = Instant.now().minusSeconds(20).truncatedTo(ChronoUnit.MILLIS);
        publish(redis, site, t, 11.0); // the rule is read into the replica's 5 s rule cache
        awaitEvaluated(site, ruleId, t);

        Fixtures.execute("UPDATE alert_rules SET enabled = false WHERE rule_id = '" + ruleId + "'"); // as frontend-api does
        publish(redis, site, t.plusSeconds(1), 13.0); // evaluated against the cached, still enabled copy
        awaitEvaluated(site, ruleId, t.plusSeconds(1));

        assertThat(Fixtures.count("SELECT count(*) FROM alerts WHERE site_id = '" + site.siteId() + "'")).isZero();
        assertThat(Fixtures.count("SELECT count(*) FROM notification_outbox WHERE site_id = '" + site.siteId() + "'")).isZero();
    }

    @Test
    void entriesTrimmedBeforeTheGroupReadThemAreCountedAsMissed() {
        Site trimmedAway = AlertingTestSupport.site();
        Site kept = AlertingTestSupport.site();
        rule(trimmedAway, "threshold", "above", 12.0, 0.5, 0, null, "medium");
        rule(kept, "threshold", "above", 12.0, 0.5, 0, null, "medium");
        Instant breach = Instant.now().minusSeconds(20).truncatedTo(ChronoUnit.MILLIS);
        MeterRegistry meters = context.getBean(MeterRegistry.class);
        double missedBefore = meters.counter("steambytes.alerting.stream.missed").count();
        // alert-service stalls while iot-ingestion's MAXLEN trim overtakes it.
        SmartLifecycle serviceConsumer = context.getBean("readingsStreamConsumer", SmartLifecycle.class);
        serviceConsumer.stop();
        try {
            for (int i = 0; i < 5; i++) {
                publish(redis, trimmedAway, breach.plusSeconds(i), 13.0);
            }
            publish(redis, kept, breach, 13.0);
            publish(redis, kept, breach.plusSeconds(1), 13.1);
            redis.opsForStream().trim(RedisKeys.READINGS_STREAM, 2);
        } finally {
            serviceConsumer.start();
        }

        await().atMost(WAIT).until(() -> Fixtures.count("SELECT count(*) FROM alerts WHERE site_id = '" + kept.siteId()
                + "'") == 1);
        assertThat(meters.counter("steambytes.alerting.stream.missed").count() - missedBefore)
                .as("the five entries of the first site were trimmed unread").isEqualTo(5.0);
        assertThat(Fixtures.count("SELECT count(*) FROM alerts WHERE site_id = '" + trimmedAway.siteId() + "'")).isZero();
    }

    @Test
    void afterRedisLosesTheStateItIsRebuiltFromPostgresqlWithoutASecondAlert() {
        Site site = AlertingTestSupport.site();
        UUID ruleId = rule(site, "threshold", "above", 12.0, 0.5, 0, null, "medium");
        Instant breach = Instant.now().minusSeconds(20).truncatedTo(ChronoUnit.MILLIS);
        publish(redis, site, breach, 12.8);
        await().atMost(WAIT).until(() -> Fixtures.count("SELECT count(*) FROM alerts WHERE site_id = '" + site.siteId()
                + "'") == 1);
        awaitEvaluated(site, ruleId, breach);

        // What a flush does to this service: its state and the consumer group are gone.
        Set<String> keys = redis.keys(RedisKeys.alertState("*"));
        redis.delete(keys);
        redis.opsForStream().destroyGroup(RedisKeys.READINGS_STREAM, GROUP); // the consumer runs on: NOGROUP

        publish(redis, site, breach.plusSeconds(2), 13.5);   // still above: no second alert
        publish(redis, site, breach.plusSeconds(4), 11.0);   // clear: the rebuilt state knows which alert to resolve
        await().atMost(Duration.ofSeconds(60)).until(() -> "resolved".equals(Fixtures.countText(
                "SELECT state FROM alerts WHERE site_id = '" + site.siteId() + "'")));
        assertThat(Fixtures.count("SELECT count(*) FROM alerts WHERE site_id = '" + site.siteId() + "'")).isEqualTo(1);
        await().atMost(WAIT).until(() -> mailTo(site.oncall()).size() == 2);
        assertThat(subjects(mailTo(site.oncall()))).satisfiesExactly(
                subject -> assertThat(subject).contains("opened"), subject -> assertThat(subject).contains("resolved"));
    }

    @Test
    void whileSmtpIsDownMailsWaitAndAreDeliveredOnceInOrderAfterwards() {
        Site site = AlertingTestSupport.site();
        rule(site, "threshold", "above", 12.0, 0.5, 0, null, "medium");
        rule(site, "threshold", "above", 14.0, 0.5, 0, null, "medium");
        Instant t = Instant.now().minusSeconds(20).truncatedTo(ChronoUnit.MILLIS);
        AlertingTestSupport.stopSmtp();
        try {
            publish(redis, site, t, 12.5);                 // opens the 12 bar rule
            publish(redis, site, t.plusSeconds(1), 14.5);  // opens the 14 bar rule
            publish(redis, site, t.plusSeconds(2), 11.0);  // resolves both
            await().atMost(WAIT).until(() -> Fixtures.count("SELECT count(*) FROM notification_outbox WHERE site_id = '"
                    + site.siteId() + "' AND attempts > 0") >= 1 && Fixtures.count("SELECT count(*) FROM notification_outbox"
                    + " WHERE site_id = '" + site.siteId() + "'") == 4);
            assertThat(Fixtures.count("SELECT count(*) FROM notification_outbox WHERE site_id = '" + site.siteId()
                    + "' AND sent_at IS NOT NULL")).isZero();
        } finally {
            AlertingTestSupport.startSmtp();
        }
        await().atMost(WAIT).until(() -> mailTo(site.oncall()).size() == 4);
        assertThat(subjects(mailTo(site.oncall()))).satisfiesExactly(
                s -> assertThat(s).contains("opened").contains("above 12 bar"),
                s -> assertThat(s).contains("opened").contains("above 14 bar"),
                s -> assertThat(s).contains("resolved"),
                s -> assertThat(s).contains("resolved"));
        List<String> ids = mailTo(site.oncall()).stream().map(AlertingFlowTests::messageId).toList();
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(Fixtures.countText("SELECT string_agg(message_id, ',' ORDER BY id) FROM notification_outbox WHERE site_id = '"
                + site.siteId() + "'")).isEqualTo(String.join(",", ids));
        await().pollDelay(Duration.ofSeconds(1)).atMost(WAIT).until(() -> true);
        assertThat(mailTo(site.oncall())).as("nothing sent twice").hasSize(4);
    }

    @Test
    void anEntryThatCanNeverBeEvaluatedIsSkippedAfterThreeTriesAndHoldsBackNothing() {
        Site poisoned = AlertingTestSupport.site();
        Site fine = AlertingTestSupport.site();
        rule(poisoned, "threshold", "above", 12.0, 0.5, 0, null, "medium");
        rule(fine, "threshold", "above", 12.0, 0.5, 0, null, "medium");

        // A reading from the year ~285 million: PostgreSQL refuses the alert's time, every time.
        publish(redis, poisoned, Instant.ofEpochMilli(9_000_000_000_000_000_000L), 13.0);
        publish(redis, fine, Instant.now().minusSeconds(1), 13.0);

        await().atMost(WAIT).until(() -> mailTo(fine.oncall()).size() == 1);
        assertThat(Fixtures.count("SELECT count(*) FROM alerts WHERE site_id = '" + poisoned.siteId() + "'")).isZero();
    }

    @Test
    void aSiteThatFellSilentWhileNoStateWasKeptIsFoundThroughTheIngestionLog() {
        Site site = AlertingTestSupport.site();
        Fixtures.execute("UPDATE sensors SET expected_interval_s = 1 WHERE site_id = '" + site.siteId() + "'");
        // It reported (iot-ingestion logged a batch) but alert-service has no state of it: Redis lost it.
        Fixtures.execute("INSERT INTO ingestion_logs (batch_id, site_id, gateway_id, received_at, accepted, rejected,"
                + " rejection_reasons, spooled, duration_ms) VALUES (gen_random_uuid(), '" + site.siteId() + "', '"
                + site.fixture().gatewayId() + "', now() - interval '1 hour', 10, 0, '[]', false, 3)");

        await().atMost(WAIT).until(() -> Fixtures.count("SELECT count(*) FROM alerts WHERE site_id = '" + site.siteId()
                + "' AND kind = 'site_lost' AND state = 'open'") == 1);
    }

    @Test
    void inAFloodRemindersToOnCallAreHeldBackButEscalationsGo() {
        Site site = AlertingTestSupport.site(); // re-notify every 3 s, escalate after 4 s in these tests
        for (int i = 0; i < 11; i++) {
            rule(site, "threshold", "above", 10.0 + i * 0.1, 0.0, 0, null, "high");
        }
        publish(redis, site, Instant.now(), 13.0);

        await().atMost(WAIT).until(() -> Fixtures.count("SELECT count(*) FROM notification_outbox WHERE site_id = '"
                + site.siteId() + "' AND kind = 'renotify'") >= 11 && mailTo(site.chief()).size() == 11);
        assertThat(Fixtures.countText("SELECT string_agg(DISTINCT coalesce(suppressed_reason, 'sent'), ',') FROM"
                + " notification_outbox WHERE site_id = '" + site.siteId() + "' AND kind = 'renotify'")).isEqualTo("flood");
        assertThat(subjects(mailTo(site.oncall())).stream().filter(s -> s.contains("still open"))).isEmpty();
    }

    @Test
    void aMailNoServerWillTakeIsSetAsideAndHoldsBackNothing() {
        Site broken = AlertingTestSupport.site();
        Site fine = AlertingTestSupport.site();
        Fixtures.execute("UPDATE sites SET notification_emails = ARRAY['oncall@@broken', 'nobody at all'] WHERE site_id = '"
                + broken.siteId() + "'");
        rule(broken, "threshold", "above", 12.0, 0.5, 0, null, "medium");
        rule(fine, "threshold", "above", 12.0, 0.5, 0, null, "medium");

        publish(redis, broken, Instant.now().minusSeconds(2), 13.0);
        await().atMost(WAIT).until(() -> Fixtures.count("SELECT count(*) FROM notification_outbox WHERE site_id = '"
                + broken.siteId() + "'") == 1);
        publish(redis, fine, Instant.now().minusSeconds(1), 13.0);

        await().atMost(WAIT).until(() -> mailTo(fine.oncall()).size() == 1);
        assertThat(Fixtures.countText("SELECT suppressed_reason || ':' || (last_error IS NOT NULL) FROM notification_outbox"
                + " WHERE site_id = '" + broken.siteId() + "'")).isEqualTo("undeliverable:true");
    }

    @Test
    void acknowledgingThroughTheInternalApiRecordsWhoAndMailsIt() {
        Site site = AlertingTestSupport.site();
        rule(site, "threshold", "above", 12.0, 0.5, 0, null, "medium");
        publish(redis, site, Instant.now().minusSeconds(5), 12.7);
        await().atMost(WAIT).until(() -> Fixtures.count("SELECT count(*) FROM alerts WHERE site_id = '" + site.siteId()
                + "'") == 1);
        String alertId = Fixtures.countText("SELECT alert_id::text FROM alerts WHERE site_id = '" + site.siteId() + "'");
        ServiceClient client = new ServiceClient(port);
        String path = "/internal/v1/alerts/" + alertId + "/acknowledge";
        String body = "{\"who\": \"erp-key\", \"note\": \"valve checked\"}";

        assertThat(client.send("POST", path, body).status()).isEqualTo(401);
        ServiceClient.Answer acknowledged = client.send("POST", path, body, "Authorization", "Bearer " + AlertingTestSupport.TOKEN);
        ServiceClient.Answer again = client.send("POST", path, body, "Authorization", "Bearer " + AlertingTestSupport.TOKEN);
        ServiceClient.Answer unknown = client.send("POST", "/internal/v1/alerts/" + UUID.randomUUID() + "/acknowledge", body,
                "Authorization", "Bearer " + AlertingTestSupport.TOKEN);
        ServiceClient.Answer nobody = client.send("POST", path, "{\"note\": \"x\"}", "Authorization", "Bearer " + AlertingTestSupport.TOKEN);

        assertThat(acknowledged.status()).as(acknowledged.body()).isEqualTo(200);
        assertThat(acknowledged.json().get("state").asString()).isEqualTo("acknowledged");
        assertThat(acknowledged.json().get("acknowledged_by").asString()).isEqualTo("erp-key");
        assertThat(again.status()).as("idempotent").isEqualTo(200);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(nobody.status()).isEqualTo(422);
        assertThat(nobody.contentType()).startsWith("application/problem+json");
        assertThat(Fixtures.countText("SELECT string_agg(transition || ':' || coalesce(actor, '') || ':' || coalesce(note, ''), ','"
                + " ORDER BY id) FROM alert_events WHERE alert_id = '" + alertId + "'"))
                .isEqualTo("opened::,acknowledged:erp-key:valve checked");
        await().atMost(WAIT).until(() -> mailTo(site.oncall()).size() == 2);
        assertThat(body(mailTo(site.oncall()).get(1))).contains("By:        erp-key — valve checked", "State:     acknowledged");

        publish(redis, site, Instant.now(), 10.0);
        await().atMost(WAIT).until(() -> "resolved".equals(state(alertId)));
        assertThat(client.send("POST", path, body, "Authorization", "Bearer " + AlertingTestSupport.TOKEN).status())
                .as("a resolved alert").isEqualTo(409);
    }

    @Test
    void aFloodBecomesOneSummaryNamingTheFirstAlert() {
        Site site = AlertingTestSupport.site();
        for (int i = 0; i < 12; i++) {
            rule(site, "threshold", "above", 10.0 + i * 0.1, 0.0, 0, null, "medium");
        }
        Instant t = Instant.now().minusSeconds(10).truncatedTo(ChronoUnit.MILLIS);

        publish(redis, site, t, 13.0); // breaches all 12 at once

        await().atMost(WAIT).until(() -> Fixtures.count("SELECT count(*) FROM notification_outbox WHERE site_id = '"
                + site.siteId() + "'") == 13);
        await().atMost(WAIT).until(() -> mailTo(site.oncall()).size() == 11);
        String first = Fixtures.countText("SELECT e.alert_id::text FROM alert_events e JOIN alerts a USING (alert_id)"
                + " WHERE a.site_id = '" + site.siteId() + "' ORDER BY e.id LIMIT 1");
        List<String> subjects = subjects(mailTo(site.oncall()));
        assertThat(subjects.stream().filter(s -> s.contains("opened"))).hasSize(10);
        assertThat(subjects.stream().filter(s -> s.startsWith("[SteamBytes] Alert flood at " + site.name() + ": 11 alerts in 10 min")))
                .hasSize(1);
        MimeMessage summary = mailTo(site.oncall()).stream().filter(m -> subjectOf(m).contains("flood")).findFirst().orElseThrow();
        assertThat(body(summary)).contains("Alert id:    " + first,
                "First alert's page: https://steambytes.example/alerts/" + first,
                "Dashboard: https://steambytes.example/sites/" + site.siteId());
        assertThat(Fixtures.count("SELECT count(*) FROM notification_outbox WHERE site_id = '" + site.siteId()
                + "' AND suppressed_reason = 'flood'")).isEqualTo(2);
    }

    @Test
    void lowPriorityAlertsComeAsOneDigestInsteadOfAMailPerTransition() throws Exception {
        Site site = AlertingTestSupport.site(); // digest every 2 s in these tests
        rule(site, "threshold", "above", 12.0, 0.5, 0, null, "low");
        Instant t = Instant.now().minusSeconds(20).truncatedTo(ChronoUnit.SECONDS);

        publish(redis, site, t, 12.6, t.plusSeconds(1), 11.0, t.plusSeconds(2), 12.8); // opened, resolved, opened

        await().atMost(WAIT).until(() -> mailTo(site.oncall()).size() == 1);
        MimeMessage digest = mailTo(site.oncall()).get(0);
        assertThat(digest.getSubject()).isEqualTo("[SteamBytes] Low-priority digest: " + site.name() + " — 3 alert changes");
        String[] lines = body(digest).split("\r?\n");
        assertThat(java.util.Arrays.stream(lines).filter(line -> line.startsWith("- LOW ")).toList()).satisfiesExactly(
                line -> assertThat(line).startsWith("- LOW opened: " + site.name()).contains("(12.6 bar)"),
                line -> assertThat(line).startsWith("- LOW resolved: " + site.name()),
                line -> assertThat(line).startsWith("- LOW opened: " + site.name()).contains("(12.8 bar)"));
        assertThat(body(digest)).contains("Dashboard: https://steambytes.example/sites/" + site.siteId());
        assertThat(Fixtures.countText("SELECT string_agg(kind || ':' || coalesce(suppressed_reason, 'sent'), ',' ORDER BY id)"
                + " FROM notification_outbox WHERE site_id = '" + site.siteId() + "'"))
                .isEqualTo("transition:digested,transition:digested,transition:digested,digest:sent");
        await().pollDelay(Duration.ofSeconds(3)).atMost(WAIT).until(() -> true);
        assertThat(mailTo(site.oncall())).as("nothing twice").hasSize(1);
    }

    @Test
    void duringMaintenanceAlertsAreRecordedButNothingIsSent() {
        Site site = AlertingTestSupport.site();
        rule(site, "threshold", "above", 12.0, 0.5, 0, null, "medium");
        Fixtures.execute("INSERT INTO maintenance_windows (site_id, starts_at, ends_at, reason) VALUES ('" + site.siteId()
                + "', now() - interval '1 minute', now() + interval '1 hour', 'burner service')");

        publish(redis, site, Instant.now().minusSeconds(5), 13.0);

        await().atMost(WAIT).until(() -> Fixtures.count("SELECT count(*) FROM notification_outbox WHERE site_id = '"
                + site.siteId() + "' AND suppressed_reason = 'maintenance'") == 1);
        assertThat(Fixtures.count("SELECT count(*) FROM alerts WHERE site_id = '" + site.siteId() + "' AND state = 'open'"))
                .isEqualTo(1);
        await().pollDelay(Duration.ofSeconds(1)).atMost(WAIT).until(() -> true);
        assertThat(mailTo(site.oncall())).isEmpty();
    }

    @Test
    void anEscalationDueDuringMaintenanceWaitsForItsEndInsteadOfBeingUsedUp() {
        Site site = AlertingTestSupport.site(); // escalate after 4 s in these tests
        rule(site, "threshold", "above", 12.0, 0.5, 0, null, "critical");
        Fixtures.execute("INSERT INTO maintenance_windows (site_id, starts_at, ends_at, reason) VALUES ('" + site.siteId()
                + "', now() - interval '1 minute', now() + interval '7 seconds', 'burner service')");

        publish(redis, site, Instant.now(), 13.0);
        await().atMost(WAIT).until(() -> Fixtures.count("SELECT count(*) FROM alerts WHERE site_id = '" + site.siteId()
                + "' AND state = 'open'") == 1);
        String alertId = Fixtures.countText("SELECT alert_id::text FROM alerts WHERE site_id = '" + site.siteId() + "'");

        await().pollDelay(Duration.ofSeconds(5)).atMost(WAIT).until(() -> true); // due, but in maintenance
        assertThat(Fixtures.count("SELECT count(*) FROM alert_events WHERE alert_id = '" + alertId
                + "' AND transition = 'escalated'")).isZero();

        await().atMost(WAIT).until(() -> mailTo(site.chief()).size() == 1); // the window ended
        assertThat(subjects(mailTo(site.chief())).get(0)).startsWith("[SteamBytes] CRITICAL escalated: " + site.name());
    }

    @Test
    void unacknowledgedHighAlertsAreRemindedAndEscalated() {
        Site site = AlertingTestSupport.site(); // re-notify every 3 s, escalate after 4 s in these tests
        rule(site, "threshold", "above", 12.0, 0.5, 0, null, "high");

        publish(redis, site, Instant.now(), 13.0);

        await().atMost(WAIT).until(() -> mailTo(site.chief()).size() == 1
                && subjects(mailTo(site.oncall())).stream().anyMatch(s -> s.contains("still open")));
        assertThat(subjects(mailTo(site.chief())).get(0)).startsWith("[SteamBytes] HIGH escalated: " + site.name());
        assertThat(subjects(mailTo(site.oncall())).get(0)).startsWith("[SteamBytes] HIGH opened: ");
        String alertId = Fixtures.countText("SELECT alert_id::text FROM alerts WHERE site_id = '" + site.siteId() + "'");
        assertThat(Fixtures.countText("SELECT string_agg(DISTINCT transition, ',') FROM alert_events WHERE alert_id = '"
                + alertId + "'")).isEqualTo("escalated,opened,renotified");

        // Acknowledged: no more reminders.
        new ServiceClient(port).send("POST", "/internal/v1/alerts/" + alertId + "/acknowledge", "{\"who\": \"op\"}",
                "Authorization", "Bearer " + AlertingTestSupport.TOKEN);
        long reminders = Fixtures.count("SELECT count(*) FROM alert_events WHERE alert_id = '" + alertId
                + "' AND transition = 'renotified'");
        await().pollDelay(Duration.ofSeconds(4)).atMost(WAIT).until(() -> true);
        assertThat(Fixtures.count("SELECT count(*) FROM alert_events WHERE alert_id = '" + alertId
                + "' AND transition = 'renotified'")).isEqualTo(reminders);
    }

    @Test
    void aSilentSensorRaisesNoDataAndItsNextReadingResolvesIt() {
        Site site = AlertingTestSupport.site();
        UUID ruleId = rule(site, "no_data", null, null, 0, 0, 2, "medium");
        Fixtures.execute("UPDATE sensors SET expected_interval_s = 1 WHERE site_id = '" + site.siteId()
                + "' AND sensor_id = 'b1-steam-pressure'");
        Instant alive = Instant.now();
        publish(redis, site, alive, 10.0); // the site is alive; pressure then falls silent (> max(3 × 1 s, 2 s))

        await().atMost(WAIT).until(() -> Fixtures.count("SELECT count(*) FROM alerts WHERE state = 'open' AND rule_id = '"
                + ruleId + "'") == 1);
        assertThat(Fixtures.countText("SELECT message FROM alerts WHERE rule_id = '" + ruleId + "'"))
                .startsWith("b1-steam-pressure sent nothing for");
        await().atMost(WAIT).until(() -> mailTo(site.oncall()).size() == 1);
        assertThat(body(mailTo(site.oncall()).get(0))).as("silence is measured in seconds").contains("Limit:     3.0 s");

        // The gateway comes back with a reading it had buffered from before the alert opened.
        publish(redis, site, alive.plusMillis(1500), 10.2);
        await().atMost(WAIT).until(() -> "resolved".equals(Fixtures.countText("SELECT state FROM alerts WHERE rule_id = '"
                + ruleId + "'")));
        assertThat(Fixtures.count("SELECT count(*) FROM alerts WHERE rule_id = '" + ruleId + "' AND resolved_at >= opened_at"))
                .as("never resolved before it opened").isEqualTo(1);
    }

    @Test
    void aSiteWithOneSensorStillGetsItsNoDataAlertBeforeTheSiteIsLost() {
        Site site = AlertingTestSupport.site();
        Fixtures.execute("DELETE FROM sensors WHERE site_id = '" + site.siteId() + "' AND sensor_id <> 'b1-steam-pressure'");
        Fixtures.execute("UPDATE sensors SET expected_interval_s = 1 WHERE site_id = '" + site.siteId() + "'");
        UUID noData = rule(site, "no_data", null, null, 0, 0, 1, "critical");
        publish(redis, site, Instant.now(), 10.0);

        // no data after 3 s, site lost only after the 5 s stale floor: the sensor's own rule speaks first
        await().atMost(WAIT).until(() -> Fixtures.count("SELECT count(*) FROM alerts WHERE rule_id = '" + noData
                + "' AND severity = 'critical'") == 1);
    }

    @Test
    void aSiteWhoseSensorsAllFellSilentIsOneSiteLostAlertThatHoldsBackItsNoDataAlerts() {
        Site site = AlertingTestSupport.site();
        UUID noData = rule(site, "no_data", null, null, 0, 0, 1, "medium");
        Fixtures.execute("UPDATE sensors SET expected_interval_s = 1 WHERE site_id = '" + site.siteId() + "'");
        publish(redis, site, Instant.now(), 10.0);

        await().atMost(WAIT).until(() -> Fixtures.count("SELECT count(*) FROM alerts WHERE site_id = '" + site.siteId()
                + "' AND kind = 'site_lost' AND state = 'open'") == 1);
        await().pollDelay(Duration.ofSeconds(1)).atMost(WAIT).until(() -> true);
        assertThat(Fixtures.count("SELECT count(*) FROM alerts WHERE rule_id = '" + noData + "'")).isZero();
        assertThat(Fixtures.count("SELECT count(*) FROM alerts WHERE site_id = '" + site.siteId() + "'")).isEqualTo(1);

        publish(redis, site, Instant.now(), 10.1);
        await().atMost(WAIT).until(() -> Fixtures.count("SELECT count(*) FROM alerts WHERE site_id = '" + site.siteId()
                + "' AND kind = 'site_lost' AND state = 'resolved'") == 1);
        await().atMost(WAIT).until(() -> subjects(mailTo(site.oncall())).stream().anyMatch(s -> s.contains("resolved")));
        assertThat(subjects(mailTo(site.oncall())).get(0)).startsWith("[SteamBytes] HIGH opened: " + site.name()
                + " — No reading from any of the 3 sensors");
    }

    @Test
    void aReplicaRestartedUnderItsNameJudgesItsPendingEntriesBeforeAnythingNewer() {
        Site site = AlertingTestSupport.site();
        rule(site, "threshold", "above", 12.0, 0.5, 0, null, "medium");
        Instant t = Instant.now().minusSeconds(30).truncatedTo(ChronoUnit.MILLIS);
        String name = "restarted-" + UUID.randomUUID().toString().substring(0, 8);
        SmartLifecycle serviceConsumer = context.getBean("readingsStreamConsumer", SmartLifecycle.class);
        serviceConsumer.stop();
        ConfigurableApplicationContext restarted = null;
        try {
            // The replica took a spike (open, then clear) and died before acknowledging it ...
            publish(redis, site, t, 13.0, t.plusSeconds(1), 10.0);
            List<MapRecord<String, Object, Object>> taken = redis.opsForStream().read(Consumer.from(GROUP, name),
                    StreamReadOptions.empty().count(100_000), StreamOffset.create(RedisKeys.READINGS_STREAM, ReadOffset.lastConsumed()));
            assertThat(taken).anyMatch(entry -> site.siteId().equals(entry.getValue().get("site_id")));
            // ... and the gateway went on meanwhile.
            publish(redis, site, t.plusSeconds(5), 10.1);

            java.util.Map<String, String> settings = new java.util.LinkedHashMap<>(AlertingTestSupport.properties(GROUP));
            settings.put("steambytes.stream.consumer", name); // what the default host:port name gives a restart
            settings.put("steambytes.stream.claim-idle", "1h"); // nobody else claims it
            restarted = InProcessService.start(AlertingApplication.class, "alert-service", settings);

            await().atMost(WAIT).until(() -> "resolved".equals(Fixtures.countText(
                    "SELECT string_agg(state, ',') FROM alerts WHERE site_id = '" + site.siteId() + "'")));
            await().atMost(WAIT).until(() -> pendingOf(name) == 0); // acknowledged after its commit
        } finally {
            if (restarted != null) {
                restarted.close();
            }
            serviceConsumer.start();
        }
    }

    @Test
    void twoReplicasShareTheStreamAndEachReadingIsEvaluatedOnce() {
        ConfigurableApplicationContext replica = InProcessService.start(AlertingApplication.class, "alert-service",
                AlertingTestSupport.properties(GROUP));
        try {
            List<Site> sites = new java.util.ArrayList<>();
            for (int i = 0; i < 30; i++) {
                Site site = AlertingTestSupport.site();
                rule(site, "threshold", "above", 12.0, 0.5, 0, null, "medium");
                sites.add(site);
            }
            Instant t = Instant.now().minusSeconds(30).truncatedTo(ChronoUnit.MILLIS);
            for (Site site : sites) { // one entry per site: which replica takes it is up to the group
                publish(redis, site, t, 13.0, t.plusSeconds(1), 13.4);
            }
            for (Site site : sites) {
                await().atMost(WAIT).until(() -> Fixtures.count("SELECT count(*) FROM notification_outbox WHERE site_id = '"
                        + site.siteId() + "' AND sent_at IS NOT NULL") == 1);
                assertThat(Fixtures.count("SELECT count(*) FROM alerts WHERE site_id = '" + site.siteId() + "'")).isEqualTo(1);
                assertThat(Fixtures.count("SELECT count(*) FROM alert_events e JOIN alerts a USING (alert_id) WHERE a.site_id = '"
                        + site.siteId() + "'")).isEqualTo(1);
                assertThat(mailTo(site.oncall())).hasSize(1);
            }
            double replicaEntries = replica.getBean(MeterRegistry.class).counter("steambytes.alerting.stream.entries").count();
            assertThat(replicaEntries).as("the second replica took a share of the entries").isPositive();
        } finally {
            replica.close();
        }
    }

    private String state(String alertId) {
        return Fixtures.countText("SELECT state FROM alerts WHERE alert_id = '" + alertId + "'");
    }

    /** Waits until the service has judged the rule on the reading at {@code ts} (its state remembers it). */
    private void awaitEvaluated(Site site, UUID ruleId, Instant ts) {
        await().atMost(WAIT).until(() -> {
            Object state = redis.opsForHash().get(RedisKeys.alertSiteState(site.siteId()),
                    "rule:" + ruleId + ":b1-steam-pressure");
            return state != null && tools.jackson.databind.json.JsonMapper.builder().build().readTree((String) state)
                    .path("last_ts").asLong() >= ts.toEpochMilli();
        });
    }

    private long pendingOf(String consumer) {
        return redis.opsForStream().pending(RedisKeys.READINGS_STREAM, Consumer.from(GROUP, consumer),
                org.springframework.data.domain.Range.unbounded(), 100).size();
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getHeader("Message-ID")[0];
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subjectOf(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static {
        // GreenMail and the tests agree on UTF-8 subjects ("—").
        System.setProperty("mail.mime.charset", StandardCharsets.UTF_8.name());
    }
}
