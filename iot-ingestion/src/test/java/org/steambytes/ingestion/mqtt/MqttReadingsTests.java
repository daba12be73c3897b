package org.steambytes.ingestion.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.steambytes.common.reading.InfluxReadingStore;
import org.steambytes.common.reading.Reading;
import org.steambytes.ingestion.storage.ReadingPipeline;
import org.steambytes.testsupport.Fixtures;
import org.steambytes.testsupport.Fixtures.SiteFixture;
import org.steambytes.testsupport.RealStores;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The MQTT subscriber against the machine's real Mosquitto (127.0.0.1:1883), PostgreSQL, InfluxDB and
 * Redis. Every run has its own topic prefix and shared-subscription group, so runs never meet.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MqttReadingsTests {

    static final String BROKER = "tcp://127.0.0.1:1883";
    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    static final String PREFIX = "sbtest-" + RUN;
    static final String GROUP = "sbtest-" + RUN;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void realStores(DynamicPropertyRegistry registry) {
        RealStores.register(registry);
        registry.add("steambytes.ingestion.spool.directory", () -> "target/spool-mqtt-" + UUID.randomUUID());
        registry.add("steambytes.mqtt.url", () -> BROKER);
        registry.add("steambytes.mqtt.topic-prefix", () -> PREFIX);
        registry.add("steambytes.mqtt.shared-group", () -> GROUP);
        registry.add("steambytes.mqtt.client-id", () -> "sbtest-ingestion-" + RUN);
        registry.add("steambytes.mqtt.clean-session", () -> "true");
        registry.add("steambytes.ingestion.max-bytes", () -> "64KB");
    }

    @Autowired
    InfluxReadingStore influx;
    @Autowired
    ReadingPipeline pipeline;

    private SiteFixture site;
    private MqttClient gateway;
    private final BlockingQueue<String> errors = new LinkedBlockingQueue<>();

    @BeforeEach
    void gatewayConnected() throws MqttException {
        site = Fixtures.boilerHouse();
        gateway = connect("sbtest-gw-" + UUID.randomUUID());
        gateway.subscribe(PREFIX + "/" + site.siteId() + "/+/errors", 1,
                (topic, message) -> errors.add(topic + " " + new String(message.getPayload(), StandardCharsets.UTF_8)));
        awaitSubscribed();
    }

    @AfterEach
    void disconnect() throws MqttException {
        gateway.disconnect();
        gateway.close();
    }

    @Test
    void storesAJsonBatchAndALineProtocolBatchPublishedWithTheGatewaysToken() throws MqttException {
        Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(30);
        publish(readingsTopic(), "Token " + site.gatewayToken() + "\n"
                + "{\"readings\": [{\"sensor_id\": \"b1-o2\", \"value\": 3.5, \"timestamp\": " + t.toEpochMilli() + "}]}");
        publish(readingsTopic(), "Token " + site.gatewayToken() + " precision=ms\n"
                + "b1 steam_pressure=10.4 " + t.toEpochMilli() + "\ncpu usage_idle=99\n");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(stored("b1-o2")).containsExactly(new Reading(site.siteId(), "b1-o2", "flue_gas_o2", 3.5, t));
            assertThat(stored("b1-steam-pressure")).extracting(Reading::value).containsExactly(10.4);
        });
        assertThat(errors).isEmpty();
    }

    @Test
    void reportsARefusedBatchOnTheErrorsTopicAndInTheIngestionLogStoringNothing() throws Exception {
        publish(readingsTopic(), "Token " + site.gatewayToken() + "\nboiler,sensor_id=b1-o2 value=3\nboiler,sensor_id=b1-o2 value=\n");
        publish(readingsTopic(), "Token " + site.gatewayToken() + "\n{\"readings\": [{\"sensor_id\": \"b1-o2\", \"value\": 22.5}]}");

        List<JsonNode> refusals = List.of(error(), error()); // handled concurrently: in any order
        JsonNode malformed = refusals.stream().filter(e -> e.path("code").asString().equals("malformed_line"))
                .findFirst().orElseThrow();
        assertThat(malformed.path("error").asString()).startsWith("line 2: unable to parse");
        JsonNode invalid = refusals.stream().filter(e -> e.path("code").asString().equals("invalid_readings"))
                .findFirst().orElseThrow();
        assertThat(invalid.path("errors").get(0).path("field").asString()).isEqualTo("readings[0].value");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(Fixtures.count(
                "SELECT count(*) FROM ingestion_logs WHERE site_id = '" + site.siteId() + "' AND accepted = 0"
                        + " AND (rejection_reasons::text LIKE '%line 2%' OR rejection_reasons::text LIKE '%valid range%')"))
                .isEqualTo(2));
        assertThat(stored("b1-o2")).isEmpty();
    }

    @Test
    void refusesMessagesWithoutTheTopicsGatewayTokenOrTooLarge() throws Exception {
        SiteFixture other = Fixtures.boilerHouse();
        String batch = "\nb1-o2 value=3\n";

        publish(readingsTopic(), "b1-o2 value=3\n");
        publish(readingsTopic(), "Token gw_wrong" + batch);
        publish(readingsTopic(), "Token " + other.gatewayToken() + batch);
        publish(PREFIX + "/" + site.siteId() + "/" + UUID.randomUUID() + "/readings", "Token " + site.gatewayToken() + batch);
        publish(readingsTopic(), "Token " + site.gatewayToken() + batch + "#".repeat(64 * 1024 + MqttPayload.MAX_HEADER + 1));

        List<JsonNode> refusals = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            refusals.add(error()); // workers handle messages concurrently: in any order
        }
        assertThat(refusals).extracting(e -> e.path("code").asString()).containsExactlyInAnyOrder(
                "unauthenticated", "unauthenticated", "unauthenticated", "unauthenticated", "body_too_large");
        assertThat(refusals).extracting(e -> e.path("error").asString())
                .filteredOn(error -> error.contains("first line of the payload must be 'Token")).hasSize(1);
        assertThat(refusals).extracting(e -> e.path("error").asString())
                .filteredOn(error -> error.contains("unknown or revoked gateway token")).hasSize(3);
        assertThat(stored("b1-o2")).isEmpty();
        assertThat(influx.findReadings(other.siteId(), "b1-o2", Instant.EPOCH, Instant.now().plusSeconds(600))).isEmpty();
    }

    @Test
    void splitsTheMessagesWithOtherMembersOfTheSharedSubscription() throws Exception {
        MqttClient replica = connect("sbtest-replica-" + UUID.randomUUID());
        BlockingQueue<String> taken = new LinkedBlockingQueue<>();
        // The client callback, not a per-subscription listener: Paho v3 matches a message's topic against
        // the filter to find the listener, and "$share/..." matches no topic.
        replica.setCallback(new MqttCallback() {
            @Override
            public void messageArrived(String topic, MqttMessage message) {
                taken.add(new String(message.getPayload(), StandardCharsets.UTF_8));
            }

            @Override
            public void connectionLost(Throwable cause) {
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
            }
        });
        replica.subscribe("$share/" + GROUP + "/" + PREFIX + "/+/+/readings", 1);
        try {
            long start = Instant.now().minusSeconds(60).toEpochMilli();
            for (int i = 0; i < 20; i++) {
                publish(readingsTopic(), "Token " + site.gatewayToken() + " precision=ms\nb1-o2 value=" + i + " " + (start + i));
            }

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(stored("b1-o2").size() + taken.size()).isEqualTo(20));
            assertThat(taken).as("the other member got its share").isNotEmpty();
            assertThat(stored("b1-o2")).as("and so did the service").isNotEmpty();
        } finally {
            replica.disconnect();
            replica.close();
        }
    }

    private String readingsTopic() {
        return PREFIX + "/" + site.siteId() + "/" + site.gatewayId() + "/readings";
    }

    private JsonNode error() throws InterruptedException {
        String error = errors.poll(20, TimeUnit.SECONDS);
        assertThat(error).as("a report on the errors topic").isNotNull();
        assertThat(error).startsWith(PREFIX + "/" + site.siteId() + "/");
        return JSON.readTree(error.substring(error.indexOf(' ') + 1));
    }

    private void publish(String topic, String payload) throws MqttException {
        gateway.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, false);
    }

    /** The service subscribes asynchronously after start; wait until a probe on a readings topic is consumed. */
    private void awaitSubscribed() {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).until(() -> {
            publish(PREFIX + "/" + site.siteId() + "/probe/readings", "probe\n");
            return errors.poll(400, TimeUnit.MILLISECONDS) != null;
        });
        errors.clear();
    }

    private static MqttClient connect(String clientId) throws MqttException {
        MqttClient client = new MqttClient(BROKER, clientId, new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        client.connect(options);
        return client;
    }

    private List<Reading> stored(String sensorId) {
        await().atMost(Duration.ofSeconds(20)).until(pipeline::isCaughtUp);
        return influx.findReadings(site.siteId(), sensorId, Instant.now().minus(Duration.ofDays(40)),
                Instant.now().plus(Duration.ofMinutes(10)));
    }
}
