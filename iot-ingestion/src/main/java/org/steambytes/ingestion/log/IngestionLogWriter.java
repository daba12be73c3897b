package org.steambytes.ingestion.log;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.steambytes.common.problem.FieldProblem;
import org.steambytes.common.worker.BackgroundWorker;
import org.steambytes.ingestion.gateway.Gateway;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes one {@code ingestion_logs} row per batch, off the request path: rows queue in memory and a
 * background worker inserts them in JDBC batches. The log is an audit trail, not data: if
 * PostgreSQL stays away long enough for the queue to fill, further rows are dropped and counted.
 */
@Component
public class IngestionLogWriter extends BackgroundWorker {

    private static final Logger log = LoggerFactory.getLogger(IngestionLogWriter.class);
    private static final String INSERT = "INSERT INTO ingestion_logs (batch_id, site_id, gateway_id, received_at, "
            + "accepted, rejected, rejection_reasons, spooled, duration_ms) VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)";

    private record Row(UUID batchId, String siteId, UUID gatewayId, Instant receivedAt, int accepted, int rejected,
            String reasons, boolean spooled, int durationMillis) {
    }

    private final JdbcTemplate jdbc;
    private final JsonMapper json = JsonMapper.builder().build();
    private final BlockingQueue<Row> queue = new ArrayBlockingQueue<>(100_000);
    private final Counter dropped;

    IngestionLogWriter(JdbcTemplate jdbc, MeterRegistry meters) {
        super("ingestion-log-writer", Duration.ofSeconds(5));
        this.jdbc = jdbc;
        this.dropped = Counter.builder("ingestion.log.dropped").baseUnit("rows").register(meters);
    }

    public void accepted(UUID batchId, Gateway gateway, Instant receivedAt, int count, boolean spooled,
            long durationNanos) {
        offer(new Row(batchId, gateway.siteId(), gateway.gatewayId(), receivedAt, count, 0, "[]", spooled,
                millis(durationNanos)));
    }

    /** An accepted batch of which {@code skipped} readings were left out on purpose (listed in {@code reasons}). */
    public void accepted(UUID batchId, Gateway gateway, Instant receivedAt, int count, int skipped,
            List<FieldProblem> reasons, boolean spooled, long durationNanos) {
        offer(new Row(batchId, gateway.siteId(), gateway.gatewayId(), receivedAt, count, skipped,
                reasons.isEmpty() ? "[]" : json.writeValueAsString(reasons), spooled, millis(durationNanos)));
    }

    public void rejected(UUID batchId, Gateway gateway, Instant receivedAt, int count, List<FieldProblem> reasons,
            long durationNanos) {
        offer(new Row(batchId, gateway.siteId(), gateway.gatewayId(), receivedAt, 0, count,
                json.writeValueAsString(reasons), false, millis(durationNanos)));
    }

    private void offer(Row row) {
        if (!queue.offer(row)) {
            dropped.increment();
        }
    }

    /** Inserts what is queued, up to 1,000 rows a statement; on stop, what is still queued first. */
    @Override
    protected void work() {
        List<Row> rows = new ArrayList<>();
        while (running() || !queue.isEmpty()) {
            try {
                Row first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                rows.add(first);
                queue.drainTo(rows, 999);
                insert(rows);
                rows.clear();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("Cannot write {} ingestion log rows yet ({}); retrying", rows.size(), e.getMessage());
                pause(Duration.ofSeconds(1));
                if (rows.size() > 10_000) {
                    dropped.increment(rows.size());
                    rows.clear();
                }
            }
        }
    }

    private void insert(List<Row> rows) {
        try {
            jdbc.batchUpdate(INSERT, rows, rows.size(), IngestionLogWriter::bind);
        } catch (org.springframework.dao.DataIntegrityViolationException e) {
            // One row names a site or gateway deleted meanwhile: keep the others.
            for (Row row : rows) {
                try {
                    jdbc.batchUpdate(INSERT, List.of(row), 1, IngestionLogWriter::bind);
                } catch (org.springframework.dao.DataIntegrityViolationException gone) {
                    dropped.increment();
                }
            }
        }
    }

    private static void bind(PreparedStatement ps, Row row) throws SQLException {
        ps.setObject(1, row.batchId());
        ps.setString(2, row.siteId());
        ps.setObject(3, row.gatewayId());
        ps.setTimestamp(4, Timestamp.from(row.receivedAt()));
        ps.setInt(5, row.accepted());
        ps.setInt(6, row.rejected());
        ps.setString(7, row.reasons());
        ps.setBoolean(8, row.spooled());
        ps.setInt(9, row.durationMillis());
    }

    private static int millis(long nanos) {
        return (int) Math.min(Integer.MAX_VALUE, TimeUnit.NANOSECONDS.toMillis(nanos));
    }

}
