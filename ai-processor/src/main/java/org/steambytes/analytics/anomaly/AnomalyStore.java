package org.steambytes.analytics.anomaly;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the anomalies and the detectors' state of each site (docs/ARCHITECTURE.md §5). This package
 * alone writes {@code anomalies} and {@code anomaly_detector_states}; both are written in the
 * transaction that stores the site's window, so a replica that takes the site over continues where the
 * last one stopped. The unique key (site, sensor, detector, observed_at) keeps a re-run from storing an
 * anomaly twice.
 */
@Component
public class AnomalyStore {

    private static final String INSERT = "INSERT INTO anomalies (site_id, sensor_id, detector, observed_at, value,"
            + " score, threshold, explanation) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT ON CONSTRAINT anomalies_observation_key DO NOTHING";
    private static final String SAVE_STATE = "INSERT INTO anomaly_detector_states (site_id, sensor_id, detector,"
            + " examined_until, samples, statistic, statistic_lower, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, now())"
            + " ON CONFLICT (site_id, sensor_id, detector) DO UPDATE SET examined_until = excluded.examined_until,"
            + " samples = excluded.samples, statistic = excluded.statistic,"
            + " statistic_lower = excluded.statistic_lower, updated_at = now()";

    private final JdbcTemplate jdbc;

    AnomalyStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The site's detector states by sensor, read in the caller's transaction (which holds the site). */
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<String, Map<Detector, DetectorState>> states(String siteId) {
        Map<String, Map<Detector, DetectorState>> states = new HashMap<>();
        jdbc.query("SELECT sensor_id, detector, examined_until, samples, statistic, statistic_lower"
                + " FROM anomaly_detector_states WHERE site_id = ?", rs -> {
                    DetectorState state = new DetectorState(rs.getString(1), Detector.fromWire(rs.getString(2)),
                            rs.getTimestamp(3).toInstant(), rs.getLong(4), rs.getDouble(5), rs.getDouble(6));
                    states.computeIfAbsent(state.sensorId(), id -> new EnumMap<>(Detector.class))
                            .put(state.detector(), state);
                }, siteId);
        return states;
    }

    /** Stores the states and the new anomalies (one batch each); returns how many anomalies were new. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int store(String siteId, List<DetectorState> states, List<FoundAnomaly> anomalies) {
        List<Object[]> stateRows = new ArrayList<>(states.size());
        for (DetectorState state : states) {
            stateRows.add(new Object[] {siteId, state.sensorId(), state.detector().wireName(),
                    Timestamp.from(state.examinedUntil()), state.samples(), state.statistic(), state.statisticLower()});
        }
        jdbc.batchUpdate(SAVE_STATE, stateRows);
        if (anomalies.isEmpty()) {
            return 0;
        }
        List<Object[]> rows = new ArrayList<>(anomalies.size());
        for (FoundAnomaly anomaly : anomalies) {
            rows.add(new Object[] {siteId, anomaly.sensorId(), anomaly.detector().wireName(),
                    Timestamp.from(anomaly.observedAt()), anomaly.value(), anomaly.score(), anomaly.threshold(),
                    anomaly.explanation()});
        }
        int inserted = 0;
        for (int count : jdbc.batchUpdate(INSERT, rows)) {
            inserted += Math.max(count, 0);
        }
        return inserted;
    }

    /** The site's anomalies observed since {@code since}, newest first, at most {@code limit}. */
    public List<StoredAnomaly> recent(String siteId, Instant since, int limit) {
        return jdbc.query("SELECT id, sensor_id, detector, observed_at, value, score, threshold, explanation"
                        + " FROM anomalies WHERE site_id = ? AND observed_at >= ? ORDER BY observed_at DESC, id DESC LIMIT ?",
                (rs, n) -> new StoredAnomaly(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getDouble(5), rs.getDouble(6), rs.getDouble(7),
                        rs.getString(8)), siteId, Timestamp.from(since), limit);
    }

    /** Deletes anomalies observed before {@code before}; returns how many. */
    public int deleteBefore(Instant before) {
        return jdbc.update("DELETE FROM anomalies WHERE observed_at < ?", Timestamp.from(before));
    }
}
