package org.steambytes.ingestion.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.steambytes.common.reading.InfluxReadingStore;
import org.steambytes.ingestion.reading.ReadingsApiTests;
import org.steambytes.ingestion.storage.ReadingPipeline;
import org.steambytes.testsupport.Fixtures;
import org.steambytes.testsupport.Fixtures.SiteFixture;
import org.steambytes.testsupport.ServiceClient;
import org.steambytes.testsupport.StoreProxies;
import org.steambytes.testsupport.TestSecrets;

/**
 * A message whose batch cannot be made durable (InfluxDB away, spool full) is neither refused nor
 * dropped: it is held, unacknowledged, and stored once the spool has room again. Real Mosquitto,
 * PostgreSQL, Redis and InfluxDB, the latter behind a proxy the test stops.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MqttDurabilityTests {

    private static final StoreProxies STORES = StoreProxies.start();
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String PREFIX = "sbtest-" + RUN;

    @DynamicPropertySource
    static void smallSpoolAndMqtt(DynamicPropertyRegistry registry) {
        STORES.register(registry);
        registry.add("steambytes.ingestion.spool.directory", () -> "target/spool-mqtt-limits-" + UUID.randomUUID());
        registry.add("steambytes.ingestion.spool.max-size", () -> "64KB");
        registry.add("steambytes.ingestion.influx-write-timeout", () -> "1s");
        registry.add("steambytes.mqtt.url", () -> MqttReadingsTests.BROKER);
        registry.add("steambytes.mqtt.topic-prefix", () -> PREFIX);
        registry.add("steambytes.mqtt.shared-group", () -> PREFIX);
        registry.add("steambytes.mqtt.client-id", () -> "sbtest-ingestion-" + RUN);
        registry.add("steambytes.mqtt.clean-session", () -> "true");
    }

    @LocalServerPort
    int port;
    @Autowired
    InfluxReadingStore influx;
    @Autowired
    ReadingPipeline pipeline;

    @Test
    void holdsABatchThatCannotBeMadeDurableAndStoresItOnceItCan() throws Exception {
        SiteFixture site = Fixtures.boilerHouse();
        ServiceClient http = new ServiceClient(port);
        MqttClient gateway = new MqttClient(MqttReadingsTests.BROKER, "sbtest-gw-" + UUID.randomUUID(), new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        gateway.connect(options);
        BlockingQueue<String> errors = new LinkedBlockingQueue<>();
        gateway.subscribe(PREFIX + "/+/+/errors", 1, (topic, message) -> errors.add(new String(message.getPayload(), StandardCharsets.UTF_8)));
        // Subscribed once a probe (no token) is refused on the errors topic.
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).until(() -> {
            gateway.publish(PREFIX + "/" + site.siteId() + "/probe/readings", "probe\n".getBytes(), 1, false);
            return errors.poll(400, TimeUnit.MILLISECONDS) != null;
        });
        errors.clear();

        STORES.influx.stop();
        Instant held = Instant.now().minusSeconds(30);
        try {
            int accepted = 0;
            while (http.post("/api/v1/readings", "Bearer " + site.gatewayToken(), "application/json",
                    ReadingsApiTests.batchOf(100, Instant.now().minusSeconds(3600).plusMillis(accepted * 100L))).status() == 202) {
                accepted++;
                assertThat(accepted).as("the spool fills").isLessThan(1_000);
            }
            // Then single readings, so that not even the one-reading message below fits.
            while (http.post("/api/v1/readings", "Bearer " + site.gatewayToken(), "application/json",
                    ReadingsApiTests.batchOf(1, Instant.now().minusSeconds(7200).plusMillis(accepted))).status() == 202) {
                accepted++;
                assertThat(accepted).as("the spool fills").isLessThan(10_000);
            }
            gateway.publish(PREFIX + "/" + site.siteId() + "/" + site.gatewayId() + "/readings",
                    ("Token " + site.gatewayToken() + " precision=ms\nboiler,sensor_id=b1-o2 value=4.5 " + held.toEpochMilli())
                            .getBytes(StandardCharsets.UTF_8), 1, false);

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(http.get("/actuator/prometheus",
                    "Bearer " + TestSecrets.INTERNAL_TOKEN).body())
                    .containsPattern("ingestion_mqtt_messages_total\\{outcome=\"retried\"[^}]*} [1-9]"));
            assertThat(errors.poll(2, TimeUnit.SECONDS)).as("held, not refused").isNull();
        } finally {
            STORES.influx.start();
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(pipeline.isCaughtUp()).isTrue();
            assertThat(influx.findReadings(site.siteId(), "b1-o2", held.minusSeconds(1), held.plusSeconds(1)))
                    .extracting(r -> r.value()).containsExactly(4.5);
        });
        assertThat(http.get("/actuator/prometheus", "Bearer " + TestSecrets.INTERNAL_TOKEN).body())
                .containsPattern("ingestion_mqtt_messages_total\\{outcome=\"stored\"[^}]*} [1-9]");
        gateway.disconnect();
        gateway.close();
    }
}
