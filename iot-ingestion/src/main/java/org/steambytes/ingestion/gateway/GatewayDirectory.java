package org.steambytes.ingestion.gateway;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.steambytes.common.security.SecretHashing;
import org.steambytes.ingestion.IngestionProperties;
import org.steambytes.ingestion.metadata.StaleTolerantCache;

/** Finds the gateway behind a token by its SHA-256, trusting an answer for the metadata TTL (a revocation takes effect within it). */
@Component
class GatewayDirectory {

    private final JdbcTemplate jdbc;
    private final StaleTolerantCache<String, Optional<Gateway>> byTokenHash;

    GatewayDirectory(JdbcTemplate jdbc, IngestionProperties properties) {
        this.jdbc = jdbc;
        this.byTokenHash = new StaleTolerantCache<>(properties.ingestion().metadataTtl(), 100_000);
    }

    Optional<Gateway> findByToken(String token) {
        return byTokenHash.get(SecretHashing.sha256Hex(token), this::load);
    }

    private Optional<Gateway> load(String tokenHash) {
        List<Gateway> found = jdbc.query(
                "SELECT gateway_id, site_id FROM gateways WHERE token_hash = ? AND revoked_at IS NULL",
                (rs, row) -> new Gateway(rs.getObject("gateway_id", UUID.class), rs.getString("site_id")),
                tokenHash);
        return found.stream().findFirst();
    }
}
