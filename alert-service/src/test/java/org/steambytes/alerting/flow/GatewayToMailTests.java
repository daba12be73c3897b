package org.steambytes.alerting.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.steambytes.alerting.AlertingTestSupport.body;
import static org.steambytes.alerting.AlertingTestSupport.mailTo;
import static org.steambytes.alerting.AlertingTestSupport.rule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.steambytes.alerting.AlertingTestSupport;
import org.steambytes.alerting.AlertingTestSupport.Site;
import org.steambytes.common.redis.RedisKeys;
import org.steambytes.ingestion.IngestionApplication;
import org.steambytes.testsupport.Fixtures;
import org.steambytes.testsupport.InProcessService;
import org.steambytes.testsupport.ServiceClient;

/**
 * End to end through the real parts: a gateway POSTs a reading over the limit to the real iot-ingestion
 * (started in this JVM on the same stores), which publishes it to the Redis stream; alert-service opens
 * the alert and the e-mail reaches the SMTP server.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayToMailTests {

    private static final String GROUP = "alert-e2e-" + UUID.randomUUID().toString().substring(0, 8);
    private static ConfigurableApplicationContext ingestion;
    private static Path spool;

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        AlertingTestSupport.register(registry, GROUP);
    }

    @AfterAll
    static void stopIngestion(@Autowired ApplicationContext context) throws IOException {
        AlertingTestSupport.dropGroup(context, GROUP);
        if (ingestion != null) {
            ingestion.close();
        }
    }

    @Test
    void aGatewayReadingOverTheLimitOpensAnAlertAndMailsOnCall() throws Exception {
        Site site = AlertingTestSupport.site();
        rule(site, "threshold", "above", 12.0, 0.5, 0, null, "medium");
        ServiceClient gateway = new ServiceClient(ingestionPort());

        ServiceClient.Answer accepted = gateway.post("/api/v1/readings", "Bearer " + site.fixture().gatewayToken(),
                "application/json", "{\"readings\": [{\"sensor_id\": \"b1-steam-pressure\", \"value\": 12.9}]}");

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> mailTo(site.oncall()).size() == 1);
        assertThat(mailTo(site.oncall()).get(0).getSubject())
                .isEqualTo("[SteamBytes] MEDIUM opened: " + site.name() + " — b1-steam-pressure above 12 bar (12.9 bar)");
        assertThat(body(mailTo(site.oncall()).get(0))).contains("Value:     12.9 bar");
        assertThat(Fixtures.count("SELECT count(*) FROM alerts WHERE site_id = '" + site.siteId() + "' AND state = 'open'"))
                .isEqualTo(1);
    }

    private static synchronized int ingestionPort() throws IOException {
        if (ingestion == null) {
            spool = Files.createTempDirectory("e2e-spool");
            ingestion = InProcessService.start(IngestionApplication.class, "iot-ingestion", Map.of(
                    "steambytes.ingestion.spool.directory", spool.toString()));
        }
        return InProcessService.port(ingestion);
    }
}
