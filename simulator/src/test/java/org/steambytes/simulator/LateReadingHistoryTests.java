package org.steambytes.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.steambytes.testsupport.Fixtures;
import org.steambytes.testsupport.Fixtures.SiteFixture;
import org.steambytes.testsupport.ServiceClient;
import tools.jackson.databind.JsonNode;

/**
 * The history cache end to end, in the three services as they run (in this process, real stores): a
 * late reading a gateway sends to iot-ingestion shows in frontend-api's history at once, although the
 * bucket it lands in closed hours ago and ai-processor had cached it.
 */
class LateReadingHistoryTests {

    @Test
    void aLateReadingThroughIngestionShowsInTheNextHistoryAnswer() {
        ServiceClient api = client(InProcessStack.api());
        ServiceClient ingestion = client(InProcessStack.ingestion());
        SiteFixture site = Fixtures.boilerHouse();
        Instant closed = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(3));
        String history = "/api/v1/sites/" + site.siteId() + "/sensors/b1-steam-pressure/readings?from="
                + closed.minus(Duration.ofHours(2)) + "&interval=1h&aggregate=mean&tz=UTC";

        post(ingestion, site, closed.plus(Duration.ofMinutes(5)), 5);
        await().atMost(Duration.ofSeconds(20)).until(() -> valueAt(api, history, closed), v -> v != null && v == 5.0);
        assertThat(valueAt(api, history, closed)).as("now cached as a closed bucket").isEqualTo(5.0);

        post(ingestion, site, closed.plus(Duration.ofMinutes(35)), 7);

        await().atMost(Duration.ofSeconds(20)).until(() -> valueAt(api, history, closed), v -> v != null && v == 6.0);
    }

    private static void post(ServiceClient ingestion, SiteFixture site, Instant at, double value) {
        ServiceClient.Answer answer = ingestion.post("/api/v1/readings", "Bearer " + site.gatewayToken(), "application/json",
                "{\"readings\": [{\"sensor_id\": \"b1-steam-pressure\", \"value\": " + value + ", \"timestamp\": \""
                        + at + "\"}]}");
        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
    }

    private static Double valueAt(ServiceClient api, String path, Instant bucket) {
        ServiceClient.Answer answer = api.send("GET", path, null, "X-API-Key", InProcessStack.ADMIN_KEY);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        for (JsonNode point : answer.json().get("points")) {
            if (Instant.parse(point.get("timestamp").asString()).equals(bucket)) {
                return point.get("value").isNull() ? null : point.get("value").asDouble();
            }
        }
        return null;
    }

    private static ServiceClient client(String url) {
        return new ServiceClient(URI.create(url).getPort());
    }
}
