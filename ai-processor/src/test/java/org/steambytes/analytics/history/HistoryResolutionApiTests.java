package org.steambytes.analytics.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.steambytes.common.reading.Reading;
import org.steambytes.common.reading.ReadingStore;
import org.steambytes.common.reading.Resolution;
import org.steambytes.testsupport.MovableClock;
import org.steambytes.testsupport.RealStores;
import org.steambytes.testsupport.ServiceClient;
import tools.jackson.databind.JsonNode;

/**
 * The internal history API names the resolution it read, the finest whose retention covers {@code from}
 * by the service's clock, moved here (the real InfluxDB keeps the readings by its own clock).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"steambytes.analytics.enabled=false", "steambytes.readings.retention.minute=7300d"})
class HistoryResolutionApiTests {

    private static final String TOKEN = "history-resolution-token-0123456789";
    private static final MovableClock CLOCK = new MovableClock(Instant.now());

    @TestConfiguration(proxyBeanMethods = false)
    static class MovedClock {
        @Bean
        MovableClock clock() {
            return CLOCK;
        }
    }

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        RealStores.register(registry); // raw retention RealStores.RAW_RETENTION (3650d), 1m 7300d, 1h forever
        registry.add("steambytes.internal.token", () -> TOKEN);
    }

    @LocalServerPort
    int port;

    @Autowired
    ReadingStore store;

    @Test
    void answersFromTheFinestResolutionCoveringFromAndSaysWhichOne() {
        String site = "resolution-" + System.nanoTime();
        Instant realNow = Instant.now();
        Instant from = Resolution.HOUR.floor(realNow).minus(Duration.ofHours(2));
        Instant to = from.plus(Duration.ofHours(1));
        store.write(List.of(reading(site, from.plusSeconds(10), 2), reading(site, from.plusSeconds(1810), 4)));
        store.rollUp(Resolution.MINUTE, from, to); // iot-ingestion's job does this in the service
        store.rollUp(Resolution.HOUR, from, to);
        store.write(List.of(reading(site, from.plusSeconds(20), 30))); // raw only: shows who answered
        String window = "from=" + from + "&to=" + to + "&interval=1h&tz=UTC";

        CLOCK.set(realNow);
        JsonNode raw = ok(site, window);
        assertThat(raw.get("resolution").asString()).isEqualTo("raw");
        assertThat(raw.get("points").get(0).get("value").asDouble()).isEqualTo(12.0);

        CLOCK.set(from.plus(Duration.ofDays(3651)));
        JsonNode minutes = ok(site, window);
        assertThat(minutes.get("resolution").asString()).isEqualTo("1m");
        assertThat(minutes.get("points").get(0).get("value").asDouble()).isEqualTo(3.0);

        CLOCK.set(from.plus(Duration.ofDays(7301)));
        JsonNode hours = ok(site, window);
        assertThat(hours.get("resolution").asString()).isEqualTo("1h");
        assertThat(hours.get("points").get(0).get("value").asDouble()).isEqualTo(3.0);
        CLOCK.set(Instant.now());
    }

    private JsonNode ok(String site, String query) {
        ServiceClient.Answer answer = new ServiceClient(port).get(
                "/internal/v1/history?site_id=" + site + "&sensor_id=t1&" + query, "Bearer " + TOKEN);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private static Reading reading(String site, Instant at, double value) {
        return new Reading(site, "t1", "temperature", value, at);
    }
}
