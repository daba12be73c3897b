package org.steambytes.alerting.anomaly;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.steambytes.common.stream.AnomalyStreamEntry;

/**
 * What alert-service knows of ai-processor's anomalies: which it has followed already
 * ({@code followed_anomalies}, its own table, kept a day) and, from the {@code anomalies} table it reads
 * but never writes, when a sensor's latest one was observed.
 */
@Component
class FollowedAnomalies {

    static final Duration KEPT = Duration.ofDays(1);

    private final JdbcClient jdbc;

    FollowedAnomalies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records the anomaly as followed, in the caller's transaction. False if it was followed before (the
     * stream delivered it again), or if this database has no such anomaly: an entry is written only after
     * its row committed, so one that matches no row is another database's (a Redis shared with another
     * deployment, or a database restored from a backup) and must not take this database's id.
     */
    boolean follow(AnomalyStreamEntry entry) {
        return jdbc.sql("INSERT INTO followed_anomalies (anomaly_id, site_id) SELECT id, site_id FROM anomalies"
                        + " WHERE id = ? AND site_id = ? AND sensor_id = ? AND detector = ? ON CONFLICT DO NOTHING")
                .params(entry.anomalyId(), entry.siteId(), entry.sensorId(), entry.detector()).update() == 1;
    }

    /** When the sensor's newest anomaly (of the detector, or of any when null) was observed. */
    Optional<Instant> latestObserved(String siteId, String sensorId, String detector) {
        return jdbc.sql("SELECT max(observed_at) FROM anomalies WHERE site_id = ? AND sensor_id = ?"
                        + " AND (?::varchar IS NULL OR detector = ?::varchar)")
                .params(siteId, sensorId, detector, detector).query(Timestamp.class).optional()
                .map(Timestamp::toInstant);
    }

    /** Anomalies followed more than a day ago are long acknowledged on the stream. */
    int forgetOld() {
        return jdbc.sql("DELETE FROM followed_anomalies WHERE followed_at < now() - make_interval(secs => ?)")
                .param(KEPT.toSeconds()).update();
    }
}
