package org.steambytes.alerting.openalert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.steambytes.alerting.AlertingTestSupport.rule;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import org.steambytes.alerting.AlertingTestSupport;
import org.steambytes.alerting.AlertingTestSupport.Site;
import org.steambytes.alerting.alert.AlertLifecycle;
import org.steambytes.alerting.alert.AlertLifecycle.Opening;
import org.steambytes.common.alert.OpenAlertsDocument;
import org.steambytes.common.alert.OpenAlertsDocument.OpenAlert;
import org.steambytes.common.alert.Severity;
import org.steambytes.common.redis.RedisKeys;
import org.steambytes.testsupport.Fixtures;
import org.steambytes.testsupport.ServiceClient;
import org.steambytes.testsupport.TcpProxy;
import org.steambytes.testsupport.RealStores;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each site's open-alerts document in the real Redis, written by alert-service after each commit that
 * changes the site's alerts: there before the change's own answer returns, never from a rolled-back
 * transaction, never replaced by an older version, and the alert still committed when Redis is away (this
 * class reaches Redis through a proxy it stops). The readings stream is off: the test drives the lifecycle.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpenAlertsDocumentTests {

    private static final String AUTH = "Bearer " + AlertingTestSupport.TOKEN;
    private static final TcpProxy REDIS = TcpProxy.to(RealStores.redisUri().getHost(),
            RealStores.redisUri().getPort() > 0 ? RealStores.redisUri().getPort() : 6379);

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        Map<String, String> properties = AlertingTestSupport.properties("open-alerts-test-" + UUID.randomUUID());
        properties.put("steambytes.stream.enabled", "false");
        properties.put("steambytes.open-alerts.retry-every", "200ms");
        properties.put("steambytes.open-alerts.refresh-every", "0s"); // the test refreshes itself
        AlertingTestSupport.register(registry, properties);
        registry.add("spring.data.redis.url", () -> "redis://127.0.0.1:" + REDIS.port());
    }

    @AfterAll
    static void closeProxy() {
        REDIS.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    JsonMapper json;
    @Autowired
    AlertLifecycle lifecycle;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    OpenAlertsStore store;
    @Autowired
    OpenAlertsPublisher publisher;

    @Test
    void everyChangeOfASitesAlertsIsInItsDocumentBeforeTheChangeAnswers() {
        Site site = AlertingTestSupport.site();
        UUID pressure = rule(site, "threshold", "above", 12.0, 0.5, 0, null, "medium");
        UUID high = rule(site, "threshold", "above", 14.0, 0.5, 0, null, "low");
        ServiceClient client = new ServiceClient(port);

        UUID first = open(site, pressure, 12.6, Instant.now().minusSeconds(60));
        OpenAlertsDocument opened = document(site);
        assertThat(opened.siteId()).isEqualTo(site.siteId());
        assertThat(opened.alerts()).extracting(OpenAlert::alertId).containsExactly(first);
        OpenAlert alert = opened.alerts().get(0);
        assertThat(alert.state()).isEqualTo("open");
        assertThat(alert.severity()).isEqualTo("medium");
        assertThat(alert.value()).isEqualTo(12.6);
        assertThat(alert.limit()).isEqualTo(12.0);
        assertThat(alert.ruleId()).isEqualTo(pressure);
        String stored = redis.opsForValue().get(RedisKeys.openAlerts(site.siteId()));
        assertThat(stored).as("the API's field names").startsWith("{\"version\":" + opened.version() + ",")
                .contains("\"opened_at\":").contains("\"limit\":12.0").contains("\"shelve_reason\":null");
        assertThat(redis.getExpire(RedisKeys.openAlerts(site.siteId()))).isBetween(290L, 300L);

        UUID second = open(site, high, 14.5, Instant.now());
        assertThat(document(site).alerts()).as("newest first").extracting(OpenAlert::alertId).containsExactly(second, first);

        assertThat(client.send("POST", "/internal/v1/alerts/" + first + "/acknowledge", "{\"who\": \"user:anna\"}",
                "Authorization", AUTH).status()).isEqualTo(200);
        OpenAlert acknowledged = find(document(site), first);
        assertThat(acknowledged.state()).isEqualTo("acknowledged");
        assertThat(acknowledged.acknowledgedBy()).isEqualTo("user:anna");
        assertThat(acknowledged.acknowledgedAt()).isNotNull();

        Instant until = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        assertThat(client.send("POST", "/internal/v1/alerts/" + second + "/shelve", "{\"until\": \"" + until
                + "\", \"reason\": \"burner service\", \"who\": \"user:anna\"}", "Authorization", AUTH).status()).isEqualTo(200);
        assertThat(find(document(site), second).shelvedUntil()).isEqualTo(until);
        assertThat(find(document(site), second).shelveReason()).isEqualTo("burner service");
        assertThat(client.send("DELETE", "/internal/v1/alerts/" + second + "/shelve?who=user:anna", null,
                "Authorization", AUTH).status()).isEqualTo(200);
        assertThat(find(document(site), second).shelvedUntil()).isNull();

        long before = document(site).version();
        transactions.executeWithoutResult(tx -> lifecycle.resolve(first, 11.0, Instant.now()));
        OpenAlertsDocument resolved = document(site);
        assertThat(resolved.alerts()).extracting(OpenAlert::alertId).containsExactly(second);
        assertThat(resolved.version()).isGreaterThan(before);
        assertThat(resolved.version()).isEqualTo(Fixtures.count("SELECT version FROM alert_site_versions WHERE site_id = '"
                + site.siteId() + "'"));

        transactions.executeWithoutResult(tx -> lifecycle.resolve(second, 0.0, Instant.now()));
        assertThat(document(site).alerts()).as("the last one resolved: an empty list, not a missing key").isEmpty();
    }

    @Test
    void aRolledBackChangeNeverReachesRedis() {
        Site site = AlertingTestSupport.site();
        UUID pressure = rule(site, "threshold", "above", 12.0, 0.5, 0, null, "medium");
        UUID kept = open(site, pressure, 12.6, Instant.now());
        long version = document(site).version();

        transactions.executeWithoutResult(tx -> {
            lifecycle.resolve(kept, 11.0, Instant.now());
            tx.setRollbackOnly();
        });

        assertThat(document(site).alerts()).extracting(OpenAlert::alertId).containsExactly(kept);
        assertThat(document(site).version()).isEqualTo(version);
        assertThat(Fixtures.count("SELECT version FROM alert_site_versions WHERE site_id = '" + site.siteId() + "'"))
                .isEqualTo(version);
    }

    @Test
    void anOlderVersionNeverReplacesANewerOneAndAnEqualOneDoes() {
        String siteId = "cas-" + UUID.randomUUID();
        String key = RedisKeys.openAlerts(siteId);
        try {
            assertThat(store.write(siteId, 5, "{\"version\":5,\"n\":\"five\"}")).as("nothing stored yet").isTrue();
            assertThat(store.write(siteId, 4, "{\"version\":4,\"n\":\"four\"}")).as("older").isFalse();
            assertThat(redis.opsForValue().get(key)).isEqualTo("{\"version\":5,\"n\":\"five\"}");
            assertThat(store.write(siteId, 5, "{\"version\":5,\"n\":\"five again\"}")).as("the same version read again").isTrue();
            assertThat(store.write(siteId, 12, "{\"version\":12,\"n\":\"twelve\"}")).as("newer (and longer)").isTrue();
            assertThat(store.write(siteId, 9, "{\"version\":9,\"n\":\"nine\"}")).as("older, compared as a number").isFalse();
            assertThat(redis.opsForValue().get(key)).isEqualTo("{\"version\":12,\"n\":\"twelve\"}");

            OpenAlertsDocument encoded = new OpenAlertsDocument(13, siteId, java.util.List.of());
            assertThat(store.write(encoded)).isTrue();
            assertThat(store.write(new OpenAlertsDocument(11, siteId, java.util.List.of()))).isFalse();
            assertThat(OpenAlertsDocument.decode(json, redis.opsForValue().get(key)).version()).isEqualTo(13);
        } finally {
            redis.delete(key);
        }
    }

    @Test
    void theAlertCommitsWhileRedisIsAwayAndItsDocumentFollowsWhenRedisIsBack() {
        Site site = AlertingTestSupport.site();
        UUID pressure = rule(site, "threshold", "above", 12.0, 0.5, 0, null, "medium");
        UUID alert = open(site, pressure, 12.6, Instant.now());
        ServiceClient client = new ServiceClient(port);

        REDIS.stop();
        try {
            assertThat(client.send("POST", "/internal/v1/alerts/" + alert + "/acknowledge", "{\"who\": \"user:anna\"}",
                    "Authorization", AUTH).status()).isEqualTo(200);
            assertThat(Fixtures.countText("SELECT state FROM alerts WHERE alert_id = '" + alert + "'"))
                    .isEqualTo("acknowledged");
            assertThat(publisher.owed()).contains(site.siteId());
        } finally {
            REDIS.start();
        }

        await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> find(document(site), alert).state().equals("acknowledged"));
    }

    @Test
    void aRefreshWritesADocumentRedisLost() {
        Site site = AlertingTestSupport.site();
        UUID pressure = rule(site, "threshold", "above", 12.0, 0.5, 0, null, "medium");
        UUID alert = open(site, pressure, 12.6, Instant.now());
        redis.delete(RedisKeys.openAlerts(site.siteId()));

        publisher.refresh();

        assertThat(document(site).alerts()).extracting(OpenAlert::alertId).containsExactly(alert);
    }

    /** Opens an alert of a threshold rule made by {@code rule(…)} ({@code limit} above, its severity). */
    private UUID open(Site site, UUID ruleId, double value, Instant at) {
        double limit = Double.parseDouble(Fixtures.countText("SELECT limit_value::text FROM alert_rules WHERE rule_id = '"
                + ruleId + "'"));
        Severity severity = Severity.of(Fixtures.countText("SELECT severity FROM alert_rules WHERE rule_id = '" + ruleId + "'"));
        return transactions.execute(tx -> lifecycle.open(new Opening(ruleId, site.siteId(), "b1-steam-pressure",
                "threshold", severity, value, limit, "steam pressure above its limit", at))).orElseThrow();
    }

    private OpenAlertsDocument document(Site site) {
        String stored = redis.opsForValue().get(RedisKeys.openAlerts(site.siteId()));
        assertThat(stored).as("the document of " + site.siteId()).isNotNull();
        return OpenAlertsDocument.decode(json, stored);
    }

    private static OpenAlert find(OpenAlertsDocument document, UUID alertId) {
        return document.alerts().stream().filter(alert -> alert.alertId().equals(alertId)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + alertId + " in " + document));
    }
}
