package org.steambytes.alerting.stream;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.stream.StreamInfo.XInfoGroup;
import org.springframework.data.redis.connection.stream.StreamInfo.XInfoStream;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import org.steambytes.alerting.AlertingProperties;
import org.steambytes.common.redis.RedisKeys;

/**
 * How far the group is behind on {@code iot_ingestion:readings}, and entries the stream's MAXLEN trim
 * removed before the group read them: their readings are in InfluxDB but were never evaluated, so
 * operators must hear of it. Redis 7 keeps {@code entries-added} per stream and {@code entries-read}
 * per group; while the group's last delivered id lies before the stream's first entry, the entries in
 * between were trimmed unread: {@code (entries-added − length) − entries-read} of them. Checked just
 * before the group reads on (the read that jumps the gap).
 *
 * <p>Redis 6.2 (the embedded run's, docs/ARCHITECTURE.md §6) has neither field. There the lag is counted in
 * Redis (the entries after the group's last delivered id, by one script, capped), and a gap is still seen
 * from the ids alone; how many entries it swallowed cannot be known, so it is counted as one (a lower
 * bound) and logged as an error all the same. The streams' MAXLEN trim works alike on both.
 */
@Component
class StreamBacklog {

    private static final Logger log = LoggerFactory.getLogger(StreamBacklog.class);

    /** Entries after an id (exclusive ranges are Redis 6.2+), counted in Redis so none crosses the wire. */
    private static final RedisScript<Long> COUNT_AFTER = RedisScript.of(
            "return #redis.call('XRANGE', KEYS[1], '(' .. ARGV[1], '+', 'COUNT', ARGV[2])", Long.class);
    /** The lag counted on Redis 6.2 stops here: far beyond the ~10,000 entries the trim keeps. */
    static final long COUNT_CAP = 100_000;

    private final StringRedisTemplate redis;
    private final String group;
    private final AtomicLong lag = new AtomicLong();
    private final Counter missed;

    @Autowired
    StreamBacklog(StringRedisTemplate redis, AlertingProperties properties, MeterRegistry meters) {
        this(redis, properties.stream().group(), meters);
    }

    StreamBacklog(StringRedisTemplate redis, String group, MeterRegistry meters) {
        this.redis = redis;
        this.group = group;
        Gauge.builder("steambytes.alerting.stream.lag", lag, AtomicLong::get)
                .description("Readings stream entries not yet delivered to alert-service's group (at the last check)")
                .register(meters);
        this.missed = Counter.builder("steambytes.alerting.stream.missed")
                .description("Readings stream entries trimmed before alert-service read them (never evaluated)")
                .register(meters);
    }

    /** Updates the lag and counts a gap the trim opened; one replica counts a given gap. */
    void check() {
        XInfoStream stream = redis.opsForStream().info(RedisKeys.READINGS_STREAM);
        XInfoGroup ours = null;
        for (XInfoGroup candidate : redis.opsForStream().groups(RedisKeys.READINGS_STREAM)) {
            if (group.equals(candidate.groupName())) {
                ours = candidate;
            }
        }
        if (ours == null) {
            return;
        }
        lag.set(ours.getRaw().get("lag") instanceof Long undelivered ? undelivered : countUndelivered(stream, ours));
        long trimmedUnread = trimmedUnread(stream, ours);
        if (trimmedUnread > 0 && claim(ours.lastDeliveredId())) {
            missed.increment(trimmedUnread);
            log.error("{} readings stream entries were trimmed before alert-service read them (group {} was at {},"
                    + " the stream now starts at {}): their readings are stored but were never evaluated for alerts."
                    + " alert-service fell too far behind; see docs/OPERATIONS.md", trimmedUnread, group,
                    ours.lastDeliveredId(), stream.firstEntryId());
        }
    }

    long lag() {
        return lag.get();
    }

    /** Without Redis 7's {@code lag} (6.2, or 7 after XDEL): the entries after the group's last delivered id. */
    private long countUndelivered(XInfoStream stream, XInfoGroup group) {
        if (stream.streamLength() == 0 || compare(group.lastDeliveredId(), stream.lastGeneratedId()) >= 0) {
            return 0;
        }
        if (stream.firstEntryId() != null && compare(group.lastDeliveredId(), stream.firstEntryId()) < 0) {
            return stream.streamLength();
        }
        Long counted = redis.execute(COUNT_AFTER, List.of(RedisKeys.READINGS_STREAM), group.lastDeliveredId(),
                Long.toString(COUNT_CAP));
        return counted == null ? 0 : counted;
    }

    static long trimmedUnread(XInfoStream stream, XInfoGroup group) {
        if (stream.streamLength() == 0 || stream.firstEntryId() == null
                || compare(group.lastDeliveredId(), stream.firstEntryId()) >= 0) {
            return 0;
        }
        if (!(stream.getRaw().get("entries-added") instanceof Long added)) {
            // Redis 6.2: a gap of an unknown number of entries, at least one; a group that has read nothing
            // yet (0-0) may stand before entries that were never trimmed, so it says nothing.
            return "0-0".equals(group.lastDeliveredId()) ? 0 : 1;
        }
        // entries-read is unknown (null) after XDEL fragmentation: nothing can be said then.
        if (!(group.getRaw().get("entries-read") instanceof Long read)) {
            return 0;
        }
        return Math.max(0, added - stream.streamLength() - read);
    }

    /** Both replicas may see the same gap before either reads past it. */
    private boolean claim(String lastDeliveredId) {
        return Boolean.TRUE.equals(redis.opsForValue().setIfAbsent(
                RedisKeys.alertState("stream_gap:" + group + ":" + lastDeliveredId), "1", RedisKeys.ALERT_STATE_TTL));
    }

    /** Stream ids {@code <ms>-<seq>} in numeric order. */
    static int compare(String left, String right) {
        String[] a = left.split("-", 2);
        String[] b = right.split("-", 2);
        int byTime = Long.compareUnsigned(Long.parseUnsignedLong(a[0]), Long.parseUnsignedLong(b[0]));
        return byTime != 0 ? byTime : Long.compareUnsigned(Long.parseUnsignedLong(a[1]), Long.parseUnsignedLong(b[1]));
    }
}
