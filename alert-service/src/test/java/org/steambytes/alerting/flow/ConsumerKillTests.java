package org.steambytes.alerting.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.steambytes.alerting.AlertingApplication;
import org.steambytes.alerting.AlertingTestSupport;
import org.steambytes.alerting.AlertingTestSupport.Site;
import org.steambytes.common.redis.RedisKeys;
import org.steambytes.testsupport.Fixtures;
import org.steambytes.testsupport.InProcessService;
import org.steambytes.testsupport.RealStores;
import org.steambytes.testsupport.ServiceProcess;

/**
 * alert-service as its own process, killed with SIGKILL twice while it works through a backlog of
 * entries, each of which opens, resolves and re-opens an alert; a third process finishes. However the
 * kills fall (mid-batch, between commit and acknowledgement, before the Redis state is written), every
 * site ends with exactly its two alerts, three events and three e-mails.
 */
class ConsumerKillTests {

    private static final int SITES = 150;
    private final String group = "alert-kill-" + UUID.randomUUID().toString().substring(0, 8);
    private final List<ServiceProcess> processes = new ArrayList<>();
    private LettuceConnectionFactory connections;

    @AfterEach
    void cleanUp() throws InterruptedException {
        for (ServiceProcess process : processes) {
            process.close();
        }
        if (connections != null) {
            new StringRedisTemplate(connections).opsForStream().destroyGroup(RedisKeys.READINGS_STREAM, group);
            connections.destroy();
        }
    }

    @Test
    void killedTwiceMidBatchEveryAlertStillOpensAndResolvesExactlyOnce() throws Exception {
        StringRedisTemplate redis = redis();
        List<Site> sites = new ArrayList<>();
        for (int i = 0; i < SITES; i++) {
            Site site = AlertingTestSupport.site();
            AlertingTestSupport.rule(site, "threshold", "above", 12.0, 0.5, 0, null, "medium");
            sites.add(site);
        }
        // The group starts at the stream's end: only this test's entries are this group's work.
        redis.opsForStream().createGroup(RedisKeys.READINGS_STREAM, ReadOffset.latest(), group);
        Instant t = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.MILLIS);
        for (Site site : sites) {
            AlertingTestSupport.publish(redis, site, t, 13.0, t.plusSeconds(1), 10.0, t.plusSeconds(2), 13.0);
        }
        Path log = Files.createTempFile("alert-service-kill", ".log");

        ServiceProcess first = start("kill-first", log);
        awaitSitesWithAlerts(sites, 20);
        first.killHard();
        long afterFirst = sitesWithAlerts(sites);
        ServiceProcess second = start("kill-second", log);
        awaitSitesWithAlerts(sites, afterFirst + 20);
        second.killHard();
        start("kill-third", log);

        for (Site site : sites) {
            await().atMost(Duration.ofSeconds(90)).until(() -> Fixtures.count("SELECT count(*) FROM notification_outbox"
                    + " WHERE site_id = '" + site.siteId() + "'") == 3);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> pending(redis) == 0);
        for (Site site : sites) {
            String where = " WHERE a.site_id = '" + site.siteId() + "'";
            assertThat(Fixtures.countText("SELECT string_agg(a.state, ',' ORDER BY a.opened_at) FROM alerts a" + where))
                    .as(site.siteId()).isEqualTo("resolved,open");
            assertThat(Fixtures.countText("SELECT string_agg(e.transition, ',' ORDER BY e.occurred_at, e.id)"
                    + " FROM alert_events e JOIN alerts a USING (alert_id)" + where))
                    .as(site.siteId()).isEqualTo("opened,resolved,opened");
        }
        assertThat(Fixtures.count("SELECT count(*) FROM notification_outbox o JOIN alerts a USING (alert_id) WHERE a.site_id"
                + " = ANY (ARRAY['" + String.join("','", sites.stream().map(Site::siteId).toList()) + "'])"))
                .isEqualTo(3L * SITES);
        // And on-call staff got exactly those three notifications. A kill between the SMTP server's
        // "250" and the commit may send one again, under the same Message-ID (so mail systems see one).
        for (Site site : sites) {
            await().atMost(Duration.ofSeconds(60)).until(() -> AlertingTestSupport.mailTo(site.oncall()).size() >= 3);
        }
        for (Site site : sites) {
            java.util.Set<String> received = new java.util.HashSet<>();
            for (jakarta.mail.internet.MimeMessage mail : AlertingTestSupport.mailTo(site.oncall())) {
                received.add(mail.getMessageID());
            }
            assertThat(received).as(site.siteId()).containsExactlyInAnyOrder(Fixtures.countText(
                    "SELECT string_agg(message_id, ' ') FROM notification_outbox WHERE site_id = '" + site.siteId() + "'")
                    .split(" "));
        }
    }

    private ServiceProcess start(String consumer, Path log) throws Exception {
        Map<String, String> settings = new LinkedHashMap<>(AlertingTestSupport.properties(group));
        settings.putAll(InProcessService.storeProperties());
        settings.put("steambytes.stream.consumer", consumer);
        settings.put("steambytes.stream.batch", "20");
        ServiceProcess process = ServiceProcess.start(AlertingApplication.class, settings, log);
        processes.add(process);
        return process;
    }

    private void awaitSitesWithAlerts(List<Site> sites, long count) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                .until(() -> sitesWithAlerts(sites) >= Math.min(count, SITES));
    }

    private static long sitesWithAlerts(List<Site> sites) {
        return Fixtures.count("SELECT count(DISTINCT site_id) FROM alerts WHERE site_id = ANY (ARRAY['"
                + String.join("','", sites.stream().map(Site::siteId).toList()) + "'])");
    }

    private long pending(StringRedisTemplate redis) {
        return redis.opsForStream().pending(RedisKeys.READINGS_STREAM, group).getTotalPendingMessages();
    }

    private StringRedisTemplate redis() {
        RedisStandaloneConfiguration configuration = new RedisStandaloneConfiguration(RealStores.redisUri().getHost(),
                RealStores.redisUri().getPort());
        connections = new LettuceConnectionFactory(configuration);
        connections.afterPropertiesSet();
        connections.start();
        return new StringRedisTemplate(connections);
    }
}
