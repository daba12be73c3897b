package org.steambytes.dashboard.live;

import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.Limit;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.steambytes.common.worker.BackgroundWorker;

/**
 * The instance's one reader of one Redis stream: plain XREAD BLOCK from the stream's tail (no
 * consumer group, so it acknowledges nothing and takes nothing from anyone), each entry handed on.
 * Redis away: retried every second; browsers keep their stream and get what follows.
 */
abstract class StreamFollower extends BackgroundWorker {

    private static final Logger log = LoggerFactory.getLogger(StreamFollower.class);
    private static final int BATCH = 500;

    private final StringRedisTemplate redis;
    private final String stream;
    private final Duration block;

    StreamFollower(String name, String stream, StringRedisTemplate redis, Duration block) {
        super(name, block.plusSeconds(3));
        this.redis = redis;
        this.stream = stream;
        this.block = block;
    }

    /** One entry, newest last; called on the follower's thread only. */
    abstract void hand(MapRecord<String, Object, Object> record);

    @Override
    protected void work() {
        String last = null;
        while (running()) {
            try {
                if (last == null) {
                    last = tail(redis, stream).toString();
                }
                List<MapRecord<String, Object, Object>> records = redis.opsForStream().read(
                        StreamReadOptions.empty().count(BATCH).block(block),
                        StreamOffset.create(stream, ReadOffset.from(last)));
                if (records == null) {
                    continue;
                }
                for (MapRecord<String, Object, Object> record : records) {
                    last = record.getId().getValue();
                    hand(record);
                }
            } catch (RuntimeException e) {
                if (running()) {
                    log.warn("Stream {}: {}; retrying in 1 s", stream, e.toString());
                    pause(Duration.ofSeconds(1));
                }
            }
        }
    }

    /** The newest entry's id now (0-0 for an empty or missing stream): where following starts. */
    static StreamId tail(StringRedisTemplate redis, String stream) {
        List<MapRecord<String, Object, Object>> newest = redis.opsForStream()
                .reverseRange(stream, Range.unbounded(), Limit.limit().count(1));
        return newest == null || newest.isEmpty() ? StreamId.ZERO
                : StreamId.parse(newest.get(0).getId().getValue()).orElse(StreamId.ZERO);
    }
}
