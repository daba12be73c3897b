package org.steambytes.api.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.steambytes.alerting.AlertingApplication;
import org.steambytes.analytics.cycle.AnalyticsCycle;
import org.steambytes.api.InProcessServices;
import org.steambytes.common.reading.Reading;
import org.steambytes.common.reading.ReadingStore;
import org.steambytes.testsupport.Fixtures;
import org.steambytes.testsupport.InProcessService;
import org.steambytes.testsupport.RealStores;
import org.steambytes.testsupport.ServiceClient;
import tools.jackson.databind.JsonNode;

/**
 * The analytics step end to end, as the seed's data flow names it (ai-processor → PostgreSQL results →
 * alert-service): readings through the reading store (real InfluxDB), the real ai-processor's cycles,
 * the result set through frontend-api, and an {@code anomaly} and an {@code efficiency_drop} alert
 * reaching a real SMTP server as one e-mail each — every service real, in this JVM.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AnalyticsToEmailFlowTests {

    private static final String GROUP = "flow-test-" + UUID.randomUUID().toString().substring(0, 8);
    private static GreenMail smtp;
    private static ConfigurableApplicationContext alertService;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        RealStores.register(registry);
        registry.add("steambytes.internal.token", () -> InProcessServices.INTERNAL_TOKEN);
        registry.add("steambytes.ai-processor-url", InProcessServices::aiProcessorUrl);
        registry.add("steambytes.alert-service-url", InProcessServices::alertServiceUrl);
    }

    @BeforeAll
    static void startMailAndAlerting() {
        int port = freePort();
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        alertService = InProcessService.start(AlertingApplication.class, "alert-service", Map.ofEntries(
                Map.entry("steambytes.internal.token", InProcessServices.INTERNAL_TOKEN),
                Map.entry("steambytes.mail-from", "alerts@steambytes.example"),
                Map.entry("steambytes.dashboard-url", "https://steambytes.example"),
                Map.entry("spring.mail.host", "127.0.0.1"), Map.entry("spring.mail.port", Integer.toString(port)),
                Map.entry("steambytes.stream.enabled", "false"),
                Map.entry("steambytes.notification.poll", "200ms"),
                Map.entry("steambytes.notification.renotify-every", "1h"),
                Map.entry("steambytes.notification.escalate-after", "2h"),
                Map.entry("steambytes.analytics.enabled", "true"),
                Map.entry("steambytes.analytics.group", GROUP),
                Map.entry("steambytes.analytics.block", "200ms"),
                Map.entry("steambytes.analytics.efficiency-check", "1s")));
    }

    @AfterAll
    static void stop() {
        if (alertService != null) {
            alertService.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    @LocalServerPort
    int port;

    @Test
    void readingsBecomeResultsAnomaliesAndOneEmailPerAlert() {
        ConfigurableApplicationContext aiProcessor = InProcessServices.aiProcessor();
        AnalyticsCycle cycle = aiProcessor.getBean(AnalyticsCycle.class);
        ReadingStore store = aiProcessor.getBean(ReadingStore.class);
        Instant end = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(2));

        // A boiler whose flue gas jumps in the newest minute (anomaly), one whose flue gas ran hot all hour
        // (combustion efficiency 2.3 points under its week at 92.7 %).
        String jumping = site("oncall-jump@example.com");
        String hot = site("oncall-hot@example.com");
        UUID anomalyRule = rule(jumping, "'anomaly', 'b1-flue-gas-temp', NULL, 'high'");
        UUID dropRule = rule(hot, "'efficiency_drop', NULL, 2.0, 'high'");
        Fixtures.execute("UPDATE alert_rules SET method = 'combustion' WHERE rule_id = '" + dropRule + "'");
        weekOfCombustionEfficiency(hot, end.minus(Duration.ofHours(1)), 92.7);
        Random noise = new Random(3);
        List<Reading> hour = new ArrayList<>();
        for (int s = -3600; s < 0; s += 10) {
            Instant at = end.plusSeconds(s);
            hour.add(new Reading(jumping, "b1-flue-gas-temp", "flue_gas_temperature", 180 + 2 * noise.nextGaussian(), at));
            hour.add(new Reading(jumping, "b1-o2", "flue_gas_o2", 3.0, at));
            hour.add(new Reading(hot, "b1-flue-gas-temp", "flue_gas_temperature", 230 + 2 * noise.nextGaussian(), at));
            hour.add(new Reading(hot, "b1-o2", "flue_gas_o2", 3.0, at));
        }
        store.write(hour);
        cycle.cycle(end.plusSeconds(30)); // the detectors' first look: the history is their baseline

        List<Reading> minute = new ArrayList<>();
        for (int s = 0; s < 60; s += 10) {
            Instant at = end.plusSeconds(s);
            minute.add(new Reading(jumping, "b1-flue-gas-temp", "flue_gas_temperature", s < 20 ? 180 : 260, at));
            minute.add(new Reading(jumping, "b1-o2", "flue_gas_o2", 3.0, at));
            minute.add(new Reading(hot, "b1-flue-gas-temp", "flue_gas_temperature", 230, at));
            minute.add(new Reading(hot, "b1-o2", "flue_gas_o2", 3.0, at));
        }
        store.write(minute);
        cycle.cycle(end.plusSeconds(90));

        String key = Fixtures.apiKey("reader", false, jumping, hot);
        ServiceClient api = new ServiceClient(port);
        JsonNode analytics = api.send("GET", "/api/v1/sites/" + jumping + "/analytics", null, "X-API-Key", key).json();
        assertThat(analytics.path("window").path("to").asString()).isEqualTo(end.plusSeconds(60).toString());
        assertThat(analytics.path("anomalies")).isNotEmpty();
        assertThat(analytics.path("anomalies").get(0).path("explanation").asString())
                .startsWith("flue gas temperature");
        JsonNode hotAnalytics = api.send("GET", "/api/v1/sites/" + hot + "/analytics", null, "X-API-Key", key).json();
        assertThat(hotAnalytics.path("efficiency").path("combustion").path("value_pct").asDouble()).isBetween(90.0, 90.7);
        assertThat(hotAnalytics.path("anomalies")).as("a steady hot boiler is no anomaly").isEmpty();

        await().atMost(Duration.ofSeconds(30)).until(() -> mailTo("oncall-jump@example.com").size() == 1
                && mailTo("oncall-hot@example.com").size() == 1);
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> true); // nothing more comes
        List<MimeMessage> anomalyMail = mailTo("oncall-jump@example.com");
        List<MimeMessage> dropMail = mailTo("oncall-hot@example.com");
        assertThat(anomalyMail).as("one e-mail for the anomaly alert, however many detectors saw it").hasSize(1);
        assertThat(dropMail).as("one e-mail for the efficiency drop").hasSize(1);
        assertThat(body(anomalyMail.get(0))).contains("flue gas temperature").contains("σ");
        assertThat(body(dropMail.get(0))).contains("combustion efficiency").contains("7-day median 92.7 %");
        assertThat(Fixtures.count("SELECT count(*) FROM alerts WHERE rule_id IN ('" + anomalyRule + "', '" + dropRule
                + "') AND state = 'open'")).isEqualTo(2);
    }

    private static String site(String oncall) {
        String site = Fixtures.boilerHouse().siteId();
        Fixtures.execute("UPDATE sites SET notification_emails = ARRAY['" + oncall + "'] WHERE site_id = '" + site + "'");
        Fixtures.execute("INSERT INTO analytics_configs (site_id, air_temperature_c) VALUES ('" + site + "', 20)");
        return site;
    }

    private static UUID rule(String site, String kindSensorLimitSeverity) {
        UUID rule = UUID.randomUUID();
        Fixtures.execute("INSERT INTO alert_rules (rule_id, site_id, kind, sensor_id, limit_value, severity) VALUES ('"
                + rule + "', '" + site + "', " + kindSensorLimitSeverity + ")");
        return rule;
    }

    /** Hourly combustion efficiency rows for the 7 days before {@code until}, as ai-processor stores them. */
    private static void weekOfCombustionEfficiency(String site, Instant until, double percent) {
        Fixtures.execute("INSERT INTO analytics_results (site_id, kind, window_start, window_end, value, details)"
                + " SELECT '" + site + "', 'combustion_efficiency', t - interval '1 hour', t, " + percent + ", '{}'"
                + " FROM generate_series('" + until.minus(Duration.ofDays(7)) + "'::timestamptz, '"
                + until + "'::timestamptz, interval '1 hour') t");
    }

    private static List<MimeMessage> mailTo(String recipient) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(message -> {
            try {
                Address[] to = message.getAllRecipients();
                return to != null && Arrays.stream(to).anyMatch(a -> a.toString().equalsIgnoreCase(recipient));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static String body(MimeMessage message) {
        try {
            return ((String) message.getContent()).replace("\r\n", "\n");
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
