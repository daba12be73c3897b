package org.steambytes.alerting.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.RedisStreamCommands.XAddOptions;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.steambytes.common.redis.RedisKeys;
import redis.embedded.RedisServer;

/**
 * The readings stream's backlog on Redis 6.2, the embedded run's (docs/ARCHITECTURE.md §6), which has no
 * {@code lag} or {@code entries-added}: the lag is still counted, a gap the trim opened is still seen, and
 * the MAXLEN trim still bounds the stream.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StreamBacklogOnRedis62Tests {

    private static final String GROUP = "alert_service";
    private RedisServer server;
    private LettuceConnectionFactory connections;
    private StringRedisTemplate redis;

    @BeforeAll
    void startRedis62() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        server = RedisServer.newRedisServer().port(port).bind("127.0.0.1").setting("save \"\"").build();
        server.start();
        connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", port));
        connections.afterPropertiesSet();
        redis = new StringRedisTemplate(connections);
        assertThat(redis.execute((RedisCallback<Object>) c -> c.serverCommands().info("server").getProperty("redis_version")))
                .asString().startsWith("6.2");
    }

    @AfterAll
    void stopRedis() throws IOException {
        connections.destroy();
        server.stop();
    }

    @BeforeEach
    void emptyStream() {
        redis.delete(RedisKeys.READINGS_STREAM);
    }

    @Test
    void countsTheLagWithoutRedis7sLagField() {
        add(5);
        redis.opsForStream().createGroup(RedisKeys.READINGS_STREAM, ReadOffset.from("0"), GROUP);
        StreamBacklog backlog = new StreamBacklog(redis, GROUP, new SimpleMeterRegistry());

        backlog.check();
        assertThat(backlog.lag()).isEqualTo(5);

        read(2);
        add(3);
        backlog.check();
        assertThat(backlog.lag()).isEqualTo(6);

        read(100);
        backlog.check();
        assertThat(backlog.lag()).isZero();
    }

    @Test
    void aGapTheTrimOpenedIsCountedAndTheWholeStreamIsTheLag() {
        add(3);
        redis.opsForStream().createGroup(RedisKeys.READINGS_STREAM, ReadOffset.from("0"), GROUP);
        read(1);
        add(10);
        redis.opsForStream().trim(RedisKeys.READINGS_STREAM, 4); // exact trim: 2 + 6 entries go unread
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        StreamBacklog backlog = new StreamBacklog(redis, GROUP, meters);

        backlog.check();

        assertThat(backlog.lag()).isEqualTo(4);
        assertThat(meters.counter("steambytes.alerting.stream.missed").count())
                .as("6.2 cannot say how many: at least one").isEqualTo(1.0);
        backlog.check();
        assertThat(meters.counter("steambytes.alerting.stream.missed").count()).as("one replica, one count per gap")
                .isEqualTo(1.0);
    }

    @Test
    void aGroupThatHasReadNothingYetSeesNoGap() {
        add(3);
        redis.opsForStream().createGroup(RedisKeys.READINGS_STREAM, ReadOffset.from("0"), GROUP);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();

        new StreamBacklog(redis, GROUP, meters).check();

        assertThat(meters.counter("steambytes.alerting.stream.missed").count()).isZero();
    }

    @Test
    void approximateMaxlenStillBoundsTheStream() {
        for (int i = 0; i < 2_000; i++) {
            redis.opsForStream().add(StreamRecords.newRecord().in(RedisKeys.READINGS_STREAM).ofMap(Map.of("n", "" + i)),
                    XAddOptions.maxlen(500).approximateTrimming(true));
        }
        assertThat(redis.opsForStream().size(RedisKeys.READINGS_STREAM)).isBetween(500L, 700L);
    }

    private void add(int entries) {
        for (int i = 0; i < entries; i++) {
            redis.opsForStream().add(MapRecord.create(RedisKeys.READINGS_STREAM, Map.of("n", Integer.toString(i))));
        }
    }

    private void read(int entries) {
        List<MapRecord<String, Object, Object>> records = redis.opsForStream().read(Consumer.from(GROUP, "test"),
                StreamReadOptions.empty().count(entries), StreamOffset.create(RedisKeys.READINGS_STREAM,
                        ReadOffset.lastConsumed()));
        assertThat(records).isNotNull();
    }
}
