package org.steambytes.simulator.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.steambytes.simulator.client.IngestionStandIn.Answer;

/** docs/API.md "Gateways": retry a 503 after Retry-After, never stop over a refused batch. */
class IngestionClientTests {

    private static final List<GatewayReading> READINGS = List.of(
            new GatewayReading("b1-steam-pressure", 10.4, Instant.parse("2026-11-27T10:00:00Z")),
            new GatewayReading("b1-o2", 3.1, Instant.parse("2026-11-27T10:00:00Z")));

    @Test
    void aBatchIsTheGatewayJsonWithEpochMilliseconds() {
        JsonNodeAssert.body(IngestionClient.body("plant-a", READINGS));
    }

    @Test
    void a503IsRetriedAfterItsRetryAfter() {
        try (IngestionStandIn ingestion = new IngestionStandIn(
                new Answer(503, "1", "{\"code\": \"spool_full\", \"detail\": \"the spool is full\"}"))) {
            IngestionClient client = new IngestionClient(ingestion.url(), new Backoff(5));
            assertThat(client.post("plant-a", "gw_test", READINGS)).isEqualTo(IngestionClient.Outcome.ACCEPTED);
            assertThat(ingestion.received()).hasSize(2);
            assertThat(ingestion.received().get(1).atMillis() - ingestion.received().get(0).atMillis()).isGreaterThanOrEqualTo(950);
            assertThat(ingestion.received().get(1).body()).isEqualTo(ingestion.received().get(0).body());
            assertThat(ingestion.received().get(0).authorization()).isEqualTo("Bearer gw_test");
        }
    }

    @Test
    void aRefusedBatchIsLoggedAndDroppedNotRetried() {
        try (IngestionStandIn ingestion = new IngestionStandIn(new Answer(422,
                null, "{\"code\": \"invalid_readings\", \"detail\": \"1 reading is invalid.\", \"errors\": []}"))) {
            IngestionClient client = new IngestionClient(ingestion.url(), new Backoff(5));
            assertThat(client.post("plant-a", "gw_test", READINGS)).isEqualTo(IngestionClient.Outcome.REFUSED);
            assertThat(client.post("plant-a", "gw_test", READINGS)).isEqualTo(IngestionClient.Outcome.ACCEPTED);
            assertThat(ingestion.received()).hasSize(2);
        }
    }

    @Test
    void anUnreachableIngestionIsRetriedThenGivenUpWithoutAnException() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        IngestionClient client = new IngestionClient("http://127.0.0.1:" + closedPort, new Backoff(2));
        assertThat(client.post("plant-a", "gw_test", READINGS)).isEqualTo(IngestionClient.Outcome.GAVE_UP);
    }

    @Test
    void anUnknownTokenIsReported() {
        try (IngestionStandIn ingestion = new IngestionStandIn(new Answer(401, null, "{\"code\": \"unauthenticated\"}"))) {
            IngestionClient client = new IngestionClient(ingestion.url(), new Backoff(5));
            assertThat(client.post(null, "gw_revoked", READINGS)).isEqualTo(IngestionClient.Outcome.UNAUTHENTICATED);
            assertThat(ingestion.received().get(0).body()).doesNotContain("site_id");
        }
    }

    /** The body's shape, read back with Jackson. */
    static final class JsonNodeAssert {
        static void body(String json) {
            var node = Json.read(json);
            assertThat(Json.text(node, "site_id")).isEqualTo("plant-a");
            assertThat(node.path("readings").size()).isEqualTo(2);
            assertThat(Json.text(node.path("readings").get(0), "sensor_id")).isEqualTo("b1-steam-pressure");
            assertThat(node.path("readings").get(0).path("value").asDouble()).isEqualTo(10.4);
            assertThat(node.path("readings").get(0).path("timestamp").asLong()).isEqualTo(1_795_773_600_000L); // 2026-11-27T10:00:00Z
        }
    }
}
