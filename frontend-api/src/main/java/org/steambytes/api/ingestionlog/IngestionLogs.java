package org.steambytes.api.ingestionlog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.steambytes.api.caller.ApiCaller;
import org.steambytes.api.site.Sites;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A site's ingestion log (written by iot-ingestion), newest batch first. */
@Service
public class IngestionLogs {

    /** One gateway batch as iot-ingestion logged it. */
    public record LoggedBatch(UUID batchId, UUID gatewayId, Instant receivedAt, int accepted, int rejected,
            JsonNode rejectionReasons, boolean spooled, int durationMs) {
    }

    private final JdbcTemplate jdbc;
    private final Sites sites;
    private final JsonMapper json = JsonMapper.builder().build();

    IngestionLogs(JdbcTemplate jdbc, Sites sites) {
        this.jdbc = jdbc;
        this.sites = sites;
    }

    public Page<LoggedBatch> list(ApiCaller caller, String siteId, Pageable pageable) {
        sites.requireVisible(caller, siteId);
        List<LoggedBatch> rows = jdbc.query("SELECT batch_id, gateway_id, received_at, accepted, rejected, "
                        + "rejection_reasons::text, spooled, duration_ms FROM ingestion_logs WHERE site_id = ? "
                        + "ORDER BY received_at DESC, id DESC LIMIT ? OFFSET ?",
                this::row, siteId, pageable.getPageSize(), pageable.getOffset());
        Long total = jdbc.queryForObject("SELECT count(*) FROM ingestion_logs WHERE site_id = ?", Long.class, siteId);
        return new PageImpl<>(rows, pageable, total == null ? 0 : total);
    }

    private LoggedBatch row(ResultSet rs, int rowNum) throws SQLException {
        return new LoggedBatch(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                rs.getTimestamp(3).toInstant(), rs.getInt(4), rs.getInt(5), json.readTree(rs.getString(6)),
                rs.getBoolean(7), rs.getInt(8));
    }
}
