package org.steambytes.ingestion.mqtt;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.steambytes.ingestion.IngestionProperties;
import tools.jackson.databind.json.JsonMapper;

/**
 * Subscribes to the gateways' readings topics when {@code MQTT_URL} is set. Each message is handled on
 * a worker (the MQTT callback thread only hands over; a full queue makes it handle the message itself,
 * which holds back the broker) and acknowledged (QoS 1 PUBACK, manual acks) only once its batch is
 * durable, or once it has been refused for good and reported on the gateway's errors topic. A batch
 * that cannot be made durable yet is retried, unacknowledged, until it can or the service stops; with
 * a kept session the broker sends unacknowledged messages again after a reconnect.
 */
@Component
class MqttReadingsSubscriber implements SmartLifecycle, MqttCallbackExtended {

    private static final Logger log = LoggerFactory.getLogger(MqttReadingsSubscriber.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final IngestionProperties.Mqtt settings;
    private final MqttTopics topics;
    private final MqttBatchHandler handler;
    private final Clock clock;
    private final MeterRegistry meters;
    private volatile boolean running;
    private MqttAsyncClient client;
    private ThreadPoolExecutor workers;
    private Thread connector;

    MqttReadingsSubscriber(IngestionProperties properties, MqttBatchHandler handler, Clock clock, MeterRegistry meters) {
        this.settings = properties.mqtt();
        this.topics = new MqttTopics(settings.topicPrefix(), settings.sharedGroup());
        this.handler = handler;
        this.clock = clock;
        this.meters = meters;
    }

    @Override
    public synchronized void start() {
        if (running || !settings.enabled()) {
            return;
        }
        try {
            client = new MqttAsyncClient(settings.url(), clientId(), new MemoryPersistence());
        } catch (MqttException e) {
            throw new IllegalStateException("MQTT_URL '" + settings.url() + "' cannot be used: " + e.getMessage(), e);
        }
        client.setCallback(this);
        client.setManualAcks(true);
        workers = new ThreadPoolExecutor(settings.workers(), settings.workers(), 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(settings.workers() * 4), runnable -> {
                    Thread thread = new Thread(runnable, "mqtt-readings");
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.CallerRunsPolicy());
        running = true;
        connector = new Thread(this::connectUntilConnected, "mqtt-connect");
        connector.setDaemon(true);
        connector.start();
    }

    /** Paho reconnects by itself only after a first successful connection: until then, try every few seconds. */
    private void connectUntilConnected() {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(settings.cleanSession());
        options.setAutomaticReconnect(true);
        options.setMaxReconnectDelay(30_000);
        options.setKeepAliveInterval(30);
        options.setMaxInflight(Math.max(10, settings.workers() * 4));
        if (!settings.username().isBlank()) {
            options.setUserName(settings.username());
            options.setPassword(settings.password().toCharArray());
        }
        while (running) {
            try {
                client.connect(options).waitForCompletion(10_000);
                return;
            } catch (MqttException e) {
                log.warn("Cannot connect to the MQTT broker at {} ({}); retrying in 5 s", settings.url(), e.getMessage());
                try {
                    Thread.sleep(5_000);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    @Override
    public void connectComplete(boolean reconnect, String serverUri) {
        try {
            client.subscribe(topics.subscription(), 1);
            log.info("Subscribed to {} on {}", topics.subscription(), serverUri);
        } catch (MqttException e) {
            log.error("Cannot subscribe to {}: {}", topics.subscription(), e.getMessage());
        }
    }

    @Override
    public void connectionLost(Throwable cause) {
        log.warn("Lost the MQTT broker ({}); reconnecting", cause == null ? "closed" : cause.getMessage());
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        workers.execute(() -> handle(topic, message));
    }

    @Override
    public void deliveryComplete(IMqttDeliveryToken token) {
    }

    private void handle(String topic, MqttMessage message) {
        MqttTopics.Address address = topics.parse(topic);
        if (address == null) {
            count("refused");
            log.warn("MQTT message on '{}', not a readings topic; dropped", topic);
            acknowledge(message);
            return;
        }
        Duration wait = Duration.ofSeconds(1);
        while (running) {
            MqttOutcome outcome = handler.handle(address, message.getPayload());
            if (outcome instanceof MqttOutcome.Stored) {
                count("stored");
                acknowledge(message);
                return;
            }
            if (outcome instanceof MqttOutcome.Refused refused) {
                count("refused");
                log.warn("MQTT batch on '{}' refused ({}): {}", topic, refused.code(), refused.error());
                report(address, refused);
                acknowledge(message);
                return;
            }
            MqttOutcome.RetryLater retry = (MqttOutcome.RetryLater) outcome;
            count("retried");
            log.warn("MQTT batch on '{}' not durable yet ({}); retrying in {} s, unacknowledged", topic,
                    retry.reason(), wait.toSeconds());
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return; // stopping: left unacknowledged, the broker sends it again
            }
            wait = wait.multipliedBy(2).compareTo(Duration.ofSeconds(30)) > 0 ? Duration.ofSeconds(30) : wait.multipliedBy(2);
        }
    }

    private void report(MqttTopics.Address address, MqttOutcome.Refused refused) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", refused.error());
        body.put("code", refused.code());
        if (!refused.errors().isEmpty()) {
            body.put("errors", refused.errors());
        }
        body.put("received_at", clock.instant().toString());
        try {
            client.publish(topics.errors(address), JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8), 1, false);
        } catch (MqttException e) {
            log.warn("Cannot report on {}: {}", topics.errors(address), e.getMessage());
        }
    }

    private void acknowledge(MqttMessage message) {
        try {
            client.messageArrivedComplete(message.getId(), message.getQos());
        } catch (MqttException e) {
            // The connection is gone: the broker sends the message again, and storing it twice overwrites.
            log.warn("Cannot acknowledge MQTT message {}: {}", message.getId(), e.getMessage());
        }
    }

    private void count(String outcome) {
        Counter.builder("ingestion.mqtt.messages").tag("outcome", outcome).register(meters).increment();
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        connector.interrupt();
        workers.shutdown();
        try {
            if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
            if (client.isConnected()) {
                client.disconnect(2_000).waitForCompletion(5_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (MqttException e) {
            log.warn("Cannot disconnect from the MQTT broker cleanly: {}", e.getMessage());
        } finally {
            try {
                client.close(true);
            } catch (MqttException e) {
                log.debug("Closing the MQTT client: {}", e.getMessage());
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After the workers that store and log (they start first and stop last), before the web server. */
    @Override
    public int getPhase() {
        return DEFAULT_PHASE - 2048;
    }

    private String clientId() {
        if (!settings.clientId().isBlank()) {
            return settings.clientId();
        }
        try {
            return "steambytes-ingestion-" + InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "steambytes-ingestion-" + ProcessHandle.current().pid();
        }
    }
}
