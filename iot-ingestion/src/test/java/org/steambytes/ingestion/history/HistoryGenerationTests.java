package org.steambytes.ingestion.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.steambytes.common.reading.InfluxReadingStore;
import org.steambytes.common.redis.RedisKeys;
import org.steambytes.ingestion.storage.ReadingPipeline;
import org.steambytes.testsupport.Fixtures;
import org.steambytes.testsupport.Fixtures.SiteFixture;
import org.steambytes.testsupport.RealStores;
import org.steambytes.testsupport.ServiceClient;

/** Late readings through POST /api/v1/readings move the site's history generation, once they are stored. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HistoryGenerationTests {

    @DynamicPropertySource
    static void realStores(DynamicPropertyRegistry registry) {
        RealStores.register(registry);
        registry.add("steambytes.ingestion.spool.directory", () -> "target/spool-generation-" + UUID.randomUUID());
    }

    @LocalServerPort
    int port;
    @Autowired
    InfluxReadingStore influx;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    ReadingPipeline pipeline;

    @Test
    void aBatchWithReadingsOlderThanTheHourMovesItsSitesGenerationOnceAfterTheyAreStored() {
        SiteFixture site = Fixtures.boilerHouse();
        Instant twoHoursAgo = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(2));

        assertThat(post(site, batch(40, twoHoursAgo))).isEqualTo(202);

        await().atMost(Duration.ofSeconds(20)).until(() -> generation(site) != null);
        assertThat(generation(site)).as("one write, one move, however many late readings").isEqualTo("1");
        assertThat(influx.findReadings(site.siteId(), "b1-steam-pressure", twoHoursAgo, twoHoursAgo.plusSeconds(1)))
                .as("stored before the generation moved").hasSize(40);

        assertThat(post(site, batch(3, twoHoursAgo.plus(Duration.ofMinutes(30))))).isEqualTo(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> "2".equals(generation(site)));
    }

    @Test
    void readingsOfTheCurrentHourLeaveTheGenerationAlone() {
        SiteFixture current = Fixtures.boilerHouse();
        SiteFixture late = Fixtures.boilerHouse();

        assertThat(post(current, "{\"readings\": [{\"sensor_id\": \"b1-o2\", \"value\": 3}]}")).isEqualTo(202);
        await().atMost(Duration.ofSeconds(20)).until(pipeline::isCaughtUp);
        // The later site's late batch is shipped after the first, so once its move shows, the first was judged.
        assertThat(post(late, batch(1, Instant.now().minus(Duration.ofHours(3))))).isEqualTo(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> generation(late) != null);

        assertThat(generation(current)).isNull();
    }

    private String generation(SiteFixture site) {
        return redis.opsForValue().get(RedisKeys.historyGeneration(site.siteId()));
    }

    private int post(SiteFixture site, String body) {
        ServiceClient.Answer answer = new ServiceClient(port).post("/api/v1/readings", "Bearer " + site.gatewayToken(),
                "application/json", body);
        return answer.status();
    }

    private static String batch(int count, Instant start) {
        return IntStream.range(0, count)
                .mapToObj(i -> "{\"sensor_id\": \"b1-steam-pressure\", \"value\": " + (10 + i % 7) + ", \"timestamp\": "
                        + start.plusMillis(i).toEpochMilli() + "}")
                .collect(Collectors.joining(",", "{\"readings\": [", "]}"));
    }
}
