package org.steambytes.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.steambytes.simulator.client.Backoff;
import org.steambytes.simulator.client.IngestionClient;
import org.steambytes.simulator.client.IngestionStandIn;
import org.steambytes.simulator.client.Json;
import org.steambytes.simulator.signal.BoilerDesign;
import org.steambytes.simulator.signal.BoilerModel;
import org.steambytes.simulator.signal.BoilerSensors;
import tools.jackson.databind.JsonNode;

/** The back-fill's catch-up batches stay inside docs/API.md's limits; a refused token is renewed once. */
class SiteFeedTests {

    @Test
    void aBackFillGoesOutInBatchesOfAtMost5000ReadingsAnd1MiBOldestFirst() {
        try (IngestionStandIn ingestion = new IngestionStandIn()) {
            SiteFeed feed = new SiteFeed("plant-a", "b1", "gw_test", model(), new IngestionClient(ingestion.url(),
                    new Backoff(3)), null);
            Instant to = Instant.parse("2026-11-27T12:00:00Z");
            Instant from = to.minus(Duration.ofHours(2));
            feed.backfill(from, to, Duration.ofSeconds(1));

            int total = 0;
            Map<String, Long> lastBySensor = new HashMap<>();
            for (IngestionStandIn.Received batch : ingestion.received()) {
                assertThat(batch.body().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(1 << 20);
                JsonNode readings = Json.read(batch.body()).path("readings");
                assertThat(readings.size()).isBetween(1, IngestionClient.MAX_READINGS);
                for (JsonNode reading : readings) {
                    long at = reading.path("timestamp").asLong();
                    assertThat(at).isGreaterThanOrEqualTo(from.toEpochMilli()).isLessThan(to.toEpochMilli());
                    Long previous = lastBySensor.put(Json.text(reading, "sensor_id"), at);
                    assertThat(previous == null || previous < at).isTrue();
                }
                total += readings.size();
            }
            assertThat(total).isEqualTo(7200 * 13);
            assertThat(feed.accepted()).isEqualTo(7200 * 13);
            assertThat(ingestion.received()).hasSize((7200 * 13 + 4991) / 4992); // 384 steps of 13 readings a batch
        }
    }

    @Test
    void aRefusedTokenIsRenewedAndTheBatchSentAgain() {
        try (IngestionStandIn ingestion = new IngestionStandIn(
                new IngestionStandIn.Answer(401, null, "{\"code\": \"unauthenticated\"}"))) {
            AtomicInteger renewals = new AtomicInteger();
            SiteFeed feed = new SiteFeed("plant-a", "b1", "gw_old", model(), new IngestionClient(ingestion.url(),
                    new Backoff(3)), () -> "gw_new" + renewals.incrementAndGet());
            assertThat(feed.tick(Instant.now())).isEqualTo(IngestionClient.Outcome.ACCEPTED);
            assertThat(renewals).hasValue(1);
            assertThat(ingestion.received()).extracting(IngestionStandIn.Received::authorization)
                    .containsExactly("Bearer gw_old", "Bearer gw_new1");
        }
    }

    private static BoilerModel model() {
        return new BoilerModel(BoilerDesign.typical(ZoneId.of("Europe/Berlin")), BoilerSensors.ALL, 1, true);
    }
}
