package org.steambytes.analytics.anomaly;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.RedisStreamCommands.XAddOptions;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.steambytes.common.redis.RedisKeys;
import org.steambytes.common.stream.AnomalyStreamEntry;

/**
 * Puts committed anomalies on {@code ai_processor:anomalies} for alert-service (docs/ARCHITECTURE.md
 * §5): a transactional outbox. Rows still to stream are found by {@code streamed_at IS NULL}, not by
 * id, so rows whose transactions commit out of id order are never skipped; they are taken with
 * {@code FOR UPDATE SKIP LOCKED} (replicas share the work), added to the stream, then marked. A crash
 * between the two repeats an entry, never loses one: delivery is at-least-once and alert-service
 * recognises a repeat by its anomaly id. Redis away: the rows wait for the next sweep.
 */
@Component
public class AnomalyStream {

    private static final Logger log = LoggerFactory.getLogger(AnomalyStream.class);
    private static final int BATCH = 500;
    /** Bound of the stream (MAXLEN ~): days of anomalies at any sane rate; alert-service reads it within seconds. */
    static final long MAX_LENGTH = 100_000;

    private final JdbcTemplate jdbc;
    private final StringRedisTemplate redis;
    private final TransactionTemplate transactions;

    AnomalyStream(JdbcTemplate jdbc, StringRedisTemplate redis, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.redis = redis;
        this.transactions = transactions;
    }

    /** Streams every committed anomaly not streamed yet; returns how many it streamed. */
    public int publishPending() {
        int total = 0;
        try {
            int streamed;
            do {
                streamed = publishBatch();
                total += streamed;
            } while (streamed == BATCH);
        } catch (RuntimeException e) {
            log.warn("Anomalies not streamed yet ({}); the next sweep retries", e.getMessage());
        }
        return total;
    }

    private int publishBatch() {
        Integer streamed = transactions.execute(tx -> {
            List<AnomalyStreamEntry> pending = jdbc.query("SELECT id, site_id, sensor_id, detector, observed_at, value,"
                            + " score, threshold, explanation FROM anomalies WHERE streamed_at IS NULL ORDER BY id"
                            + " LIMIT ? FOR UPDATE SKIP LOCKED",
                    (rs, n) -> new AnomalyStreamEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getTimestamp(5).toInstant(), rs.getDouble(6), rs.getDouble(7), rs.getDouble(8),
                            rs.getString(9)), BATCH);
            for (AnomalyStreamEntry entry : pending) {
                redis.opsForStream().add(StreamRecords.string(entry.encode()).withStreamKey(RedisKeys.ANOMALIES_STREAM),
                        XAddOptions.maxlen(MAX_LENGTH).approximateTrimming(true));
            }
            if (!pending.isEmpty()) {
                jdbc.update("UPDATE anomalies SET streamed_at = ? WHERE id = ANY (?)",
                        Timestamp.from(Instant.now()),
                        pending.stream().map(AnomalyStreamEntry::anomalyId).toArray(Long[]::new));
            }
            return pending.size();
        });
        return streamed == null ? 0 : streamed;
    }
}
