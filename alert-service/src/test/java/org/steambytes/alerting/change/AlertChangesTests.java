package org.steambytes.alerting.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.steambytes.alerting.AlertingTestSupport.publish;
import static org.steambytes.alerting.AlertingTestSupport.rule;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.Limit;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.steambytes.alerting.AlertingTestSupport;
import org.steambytes.alerting.AlertingTestSupport.Site;
import org.steambytes.common.redis.RedisKeys;
import org.steambytes.testsupport.Fixtures;
import org.steambytes.testsupport.ServiceClient;

/**
 * Every change of an alert's life a dashboard shows lands as one entry on the real
 * {@code alert_service:alert-changes} stream with the contract's fields (docs/API.md "Redis"), the
 * "still open" reminders do not; opened and resolved by readings through the real consumer group,
 * escalated by the reminders (re-notify 3 s, escalate 4 s here), acknowledged, shelved and unshelved
 * through the internal API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AlertChangesTests {

    private static final String GROUP = "changes-test-" + UUID.randomUUID().toString().substring(0, 8);
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String AUTH = "Bearer " + AlertingTestSupport.TOKEN;

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

    @Test
    void eachChangeOfAnAlertIsOneEntryWithTheContractsFieldsAndRemindersAreNone() {
        Site site = AlertingTestSupport.site();
        rule(site, "threshold", "above", 12.0, 0.5, 0, null, "high");
        ServiceClient client = new ServiceClient(port);

        publish(redis, site, Instant.now().minusSeconds(1), 13.0);
        await().atMost(WAIT).until(() -> Fixtures.count("SELECT count(*) FROM alerts WHERE site_id = '" + site.siteId() + "'") == 1);
        String alertId = Fixtures.countText("SELECT alert_id::text FROM alerts WHERE site_id = '" + site.siteId() + "'");
        await().atMost(WAIT).until(() -> events(alertId).contains("escalated"));
        assertThat(events(alertId)).as("a reminder went out too").contains("renotified");

        assertThat(client.send("POST", "/internal/v1/alerts/" + alertId + "/acknowledge", "{\"who\": \"op\"}",
                "Authorization", AUTH).status()).isEqualTo(200);
        assertThat(client.send("POST", "/internal/v1/alerts/" + alertId + "/shelve", "{\"until\": \""
                + Instant.now().plus(Duration.ofHours(1)) + "\", \"reason\": \"burner service\", \"who\": \"op\"}",
                "Authorization", AUTH).status()).isEqualTo(200);
        assertThat(client.send("DELETE", "/internal/v1/alerts/" + alertId + "/shelve?who=op", null,
                "Authorization", AUTH).status()).isEqualTo(200);
        publish(redis, site, Instant.now(), 10.0);
        await().atMost(WAIT).until(() -> entries(alertId).size() == 6);

        List<Map<Object, Object>> entries = entries(alertId);
        assertThat(entries).extracting(entry -> entry.get("event") + "→" + entry.get("state")).containsExactly(
                "opened→open", "escalated→open", "acknowledged→acknowledged", "shelved→acknowledged",
                "unshelved→acknowledged", "resolved→resolved");
        for (Map<Object, Object> entry : entries) {
            assertThat(entry.keySet()).containsExactlyInAnyOrder("site_id", "alert_id", "event", "state", "severity", "at");
            assertThat(entry).containsEntry("site_id", site.siteId()).containsEntry("severity", "high");
            assertThat(Instant.parse((String) entry.get("at"))).isBefore(Instant.now().plusSeconds(1));
        }
        await().pollDelay(Duration.ofSeconds(1)).atMost(WAIT).until(() -> true);
        assertThat(entries(alertId)).as("nothing more, reminders included").hasSize(6);
    }

    /** The stream's entries about the alert, oldest first. */
    private List<Map<Object, Object>> entries(String alertId) {
        List<MapRecord<String, Object, Object>> all = redis.opsForStream().range(RedisKeys.ALERT_CHANGES_STREAM,
                Range.unbounded(), Limit.limit().count(20_000));
        return all == null ? List.of() : all.stream().map(MapRecord::getValue)
                .filter(fields -> alertId.equals(fields.get("alert_id"))).toList();
    }

    private static String events(String alertId) {
        return Fixtures.countText("SELECT string_agg(transition, ',' ORDER BY id) FROM alert_events WHERE alert_id = '"
                + alertId + "'");
    }
}
