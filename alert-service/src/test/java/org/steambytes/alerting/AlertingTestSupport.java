package org.steambytes.alerting;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.steambytes.common.reading.Reading;
import org.steambytes.common.redis.RedisKeys;
import org.steambytes.common.stream.AnomalyStreamEntry;
import org.steambytes.common.stream.ReadingsStreamEntry;
import org.steambytes.testsupport.Fixtures;
import org.steambytes.testsupport.Fixtures.SiteFixture;
import org.steambytes.testsupport.RealStores;

/**
 * What alert-service's integration tests share: a real SMTP server (GreenMail, in this JVM), a consumer
 * group of their own on the real readings stream, fast timings, sites with their own recipients, and
 * stream entries in iot-ingestion's format.
 */
public final class AlertingTestSupport {

    public static final String TOKEN = "alerting-test-token-0123456789";
    public static final String DASHBOARD = "https://steambytes.example";
    private static final int SMTP_PORT = freePort();
    private static GreenMail smtp = startSmtp();

    private AlertingTestSupport() {
    }

    /** A site: boiler house sensors (expected every hour, so never silent during a test) and its own e-mails. */
    public record Site(String siteId, String name, String oncall, String chief, SiteFixture fixture) {
    }

    public static void register(DynamicPropertyRegistry registry, String group) {
        register(registry, properties(group));
    }

    public static void register(DynamicPropertyRegistry registry, Map<String, String> properties) {
        RealStores.register(registry);
        properties.forEach((name, value) -> registry.add(name, () -> value));
    }

    /**
     * The settings with the anomaly follower and the efficiency watch on (the anomalies group is the
     * test class's own). Only one test context should follow at a time: stop it after the class
     * ({@link #stopAnalytics}), or another context's follower would act on the next class's anomalies.
     */
    public static Map<String, String> analyticsProperties(String group) {
        Map<String, String> properties = properties(group);
        properties.put("steambytes.analytics.enabled", "true");
        return properties;
    }

    /** alert-service's settings in these tests (another replica started in-process gets the same). */
    public static Map<String, String> properties(String group) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("steambytes.internal.token", TOKEN);
        properties.put("steambytes.dashboard-url", DASHBOARD);
        properties.put("steambytes.mail-from", "alerts@steambytes.example");
        properties.put("spring.mail.host", "127.0.0.1");
        properties.put("spring.mail.port", Integer.toString(SMTP_PORT));
        properties.put("steambytes.stream.group", group);
        properties.put("steambytes.stream.block", "200ms");
        properties.put("steambytes.stream.claim-idle", "2s");
        properties.put("steambytes.stream.silence-check", "300ms");
        properties.put("steambytes.stream.stale-floor", "5s"); // above a 1 s sensor's 3 s no-data limit
        properties.put("steambytes.stream.reporting-refresh", "500ms");
        properties.put("steambytes.notification.poll", "100ms");
        properties.put("steambytes.notification.retry", "200ms");
        properties.put("steambytes.notification.reminder-check", "300ms");
        properties.put("steambytes.notification.renotify-every", "3s");
        properties.put("steambytes.notification.escalate-after", "4s");
        properties.put("steambytes.notification.digest-every", "2s");
        properties.put("steambytes.notification.shelve-check", "300ms");
        // Off unless a test class follows anomalies itself (analyticsProperties).
        properties.put("steambytes.analytics.enabled", "false");
        properties.put("steambytes.analytics.group", group);
        properties.put("steambytes.analytics.block", "200ms");
        properties.put("steambytes.analytics.claim-idle", "2s");
        properties.put("steambytes.analytics.anomaly-clear-check", "300ms");
        properties.put("steambytes.analytics.efficiency-check", "1h"); // tests run the watch themselves
        return properties;
    }

    public static Site site() {
        SiteFixture fixture = Fixtures.boilerHouse();
        String oncall = "oncall-" + fixture.siteId() + "@example.com";
        String chief = "chief-" + fixture.siteId() + "@example.com";
        Fixtures.execute("UPDATE sites SET notification_emails = ARRAY['" + oncall + "'], escalation_emails = ARRAY['"
                + chief + "'] WHERE site_id = '" + fixture.siteId() + "'");
        Fixtures.execute("UPDATE sensors SET expected_interval_s = 3600 WHERE site_id = '" + fixture.siteId() + "'");
        return new Site(fixture.siteId(), "Boiler house " + fixture.siteId(), oncall, chief, fixture);
    }

    /** A rule on b1-steam-pressure; returns its id. */
    public static UUID rule(Site site, String kind, String operator, Double limit, double deadband, int delayS,
            Integer windowS, String severity) {
        UUID ruleId = UUID.randomUUID();
        Fixtures.execute("INSERT INTO alert_rules (rule_id, site_id, sensor_id, kind, operator, limit_value, deadband,"
                + " delay_s, window_s, severity) VALUES ('" + ruleId + "', '" + site.siteId() + "', 'b1-steam-pressure', '"
                + kind + "', " + (operator == null ? "NULL" : "'" + operator + "'") + ", " + limit + ", " + deadband + ", "
                + delayS + ", " + windowS + ", '" + severity + "')");
        return ruleId;
    }

    /** One stream entry as iot-ingestion writes it (the shared codec): steam pressure readings of one site. */
    public static void publish(StringRedisTemplate redis, Site site, Object... timesAndValues) {
        List<Reading> readings = new ArrayList<>();
        for (int i = 0; i < timesAndValues.length; i += 2) {
            readings.add(new Reading(site.siteId(), "b1-steam-pressure", "steam_pressure",
                    ((Number) timesAndValues[i + 1]).doubleValue(), (Instant) timesAndValues[i]));
        }
        redis.opsForStream().add(StreamRecords.newRecord().in(RedisKeys.READINGS_STREAM)
                .ofMap(ReadingsStreamEntry.encode(site.siteId(), UUID.randomUUID(), readings)));
    }

    /** After a test class: stop its consumer (or it re-creates the group at once), then remove the group. */
    public static void dropGroup(ApplicationContext context, String group) {
        context.getBean("readingsStreamConsumer", SmartLifecycle.class).stop();
        context.getBean(StringRedisTemplate.class).opsForStream().destroyGroup(RedisKeys.READINGS_STREAM, group);
    }

    /** After a test class that followed anomalies: stop its follower, remove its group on the anomalies stream. */
    public static void stopAnalytics(ApplicationContext context, String group) {
        context.getBean("anomalyStreamFollower", SmartLifecycle.class).stop();
        context.getBean(StringRedisTemplate.class).opsForStream().destroyGroup(RedisKeys.ANOMALIES_STREAM, group);
    }

    /** An {@code anomaly} rule; returns its id. */
    public static UUID anomalyRule(Site site, String sensorId, String detector, Integer clearAfterS, String severity) {
        UUID ruleId = UUID.randomUUID();
        Fixtures.execute("INSERT INTO alert_rules (rule_id, site_id, sensor_id, kind, detector, clear_after_s, severity)"
                + " VALUES ('" + ruleId + "', '" + site.siteId() + "', '" + sensorId + "', 'anomaly', "
                + (detector == null ? "NULL" : "'" + detector + "'") + ", " + clearAfterS + ", '" + severity + "')");
        return ruleId;
    }

    /** A stored anomaly, as ai-processor writes its row; the returned entry is what it then streams. */
    public static AnomalyStreamEntry anomaly(Site site, String sensorId, String detector, double value, double threshold,
            String explanation, Instant observedAt) {
        long id = Fixtures.count("INSERT INTO anomalies (site_id, sensor_id, detector, observed_at, value, score, threshold,"
                + " explanation) VALUES ('" + site.siteId() + "', '" + sensorId + "', '" + detector + "', '" + observedAt
                + "', " + value + ", " + (threshold + 1) + ", " + threshold + ", '" + explanation.replace("'", "''")
                + "') RETURNING id");
        return new AnomalyStreamEntry(id, site.siteId(), sensorId, detector, observedAt, value, threshold + 1, threshold,
                explanation);
    }

    /** Puts an anomaly on {@code ai_processor:anomalies} as ai-processor does (the shared codec). */
    public static void stream(StringRedisTemplate redis, AnomalyStreamEntry entry) {
        redis.opsForStream().add(StreamRecords.newRecord().in(RedisKeys.ANOMALIES_STREAM).ofMap(entry.encode()));
    }

    public static GreenMail smtp() {
        return smtp;
    }

    /** SMTP away: the port refuses connections until {@link #startSmtp()}. */
    public static synchronized void stopSmtp() {
        smtp.stop();
    }

    public static synchronized GreenMail startSmtp() {
        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        return smtp;
    }

    /** Every message the running SMTP server received for {@code recipient}. */
    public static List<MimeMessage> mailTo(String recipient) {
        List<MimeMessage> messages = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            try {
                Address[] to = message.getAllRecipients();
                if (to != null && Arrays.stream(to).anyMatch(address -> address.toString().equalsIgnoreCase(recipient))) {
                    messages.add(message);
                }
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return messages;
    }

    public static List<String> subjects(List<MimeMessage> messages) {
        return messages.stream().map(message -> {
            try {
                return message.getSubject();
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    public static String body(MimeMessage message) {
        try {
            return ((String) message.getContent()).replace("\r\n", "\n");
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String upper(String text) {
        return text.toUpperCase(Locale.ROOT);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
