-- Wave 2, the analytics step's anomalies and the alerts that follow them (docs/ARCHITECTURE.md §5,
-- docs/DOMAIN.md "Analytics" and "False-alarm budget").

-- 1. Detector defaults that hold the false-alarm budget: under one false anomaly per sensor-week on a
--    steady sensor with Gaussian noise at 10-s sampling (V1's 3σ × 1, L 3, H 5σ gave about one per
--    sensor-hour). Rows already stored keep their values.
ALTER TABLE analytics_configs
    ALTER COLUMN zscore_threshold SET DEFAULT 3.5,
    ALTER COLUMN zscore_consecutive SET DEFAULT 2,
    ALTER COLUMN ewma_limit_sigma SET DEFAULT 5.0,
    ALTER COLUMN cusum_k_sigma SET DEFAULT 1.0,
    ALTER COLUMN cusum_h_sigma SET DEFAULT 8.0;
ALTER TABLE analytics_configs ADD CONSTRAINT analytics_configs_detectors CHECK (zscore_threshold > 0
    AND zscore_consecutive >= 1 AND ewma_limit_sigma > 0 AND cusum_k_sigma >= 0 AND cusum_h_sigma > 0) NOT VALID;

-- 2. ai-processor: each detector's state per site and sensor, stored with the window's results, so a
--    replica that takes a site over continues where the last one stopped. examined_until is the newest
--    point examined: a point is examined once. samples = EWMA's t or the z-score's run of samples past
--    the threshold; statistic = EWMA's z_t or CUSUM's C+; statistic_lower = CUSUM's C-.
CREATE TABLE anomaly_detector_states (
    site_id         varchar(63)      NOT NULL,
    sensor_id       varchar(63)      NOT NULL,
    detector        varchar(16)      NOT NULL,
    examined_until  timestamptz      NOT NULL,
    samples         bigint           NOT NULL DEFAULT 0,
    statistic       double precision NOT NULL DEFAULT 0,
    statistic_lower double precision NOT NULL DEFAULT 0,
    updated_at      timestamptz      NOT NULL DEFAULT now(),
    PRIMARY KEY (site_id, sensor_id, detector),
    CONSTRAINT anomaly_detector_states_sensor_fk FOREIGN KEY (site_id, sensor_id)
        REFERENCES sensors (site_id, sensor_id) ON DELETE CASCADE,
    CONSTRAINT anomaly_detector_states_detector_known CHECK (detector IN ('zscore', 'ewma', 'cusum'))
);

-- 3. ai-processor: an anomaly is put on the Redis stream ai_processor:anomalies after its row commits
--    (a transactional outbox: rows not yet streamed are found by this flag, not by id, so rows that
--    commit out of id order are never skipped).
ALTER TABLE anomalies ADD COLUMN streamed_at timestamptz;
CREATE INDEX anomalies_unstreamed_idx ON anomalies (id) WHERE streamed_at IS NULL;

-- 4. frontend-api's rules: the anomaly kind's detector (null = any) and quiet time before it resolves;
--    efficiency_drop's absolute floor and which efficiency it watches (limit keeps its meaning: points
--    below the 7-day median).
ALTER TABLE alert_rules
    ADD COLUMN detector      varchar(16),
    ADD COLUMN clear_after_s integer,
    ADD COLUMN floor_pct     double precision,
    ADD COLUMN method        varchar(12),
    ADD CONSTRAINT alert_rules_detector_known CHECK (detector IS NULL OR detector IN ('zscore', 'ewma', 'cusum')),
    ADD CONSTRAINT alert_rules_clear_after CHECK (clear_after_s IS NULL OR clear_after_s > 0),
    ADD CONSTRAINT alert_rules_floor CHECK (floor_pct IS NULL OR (floor_pct > 0 AND floor_pct < 100)),
    ADD CONSTRAINT alert_rules_method_known CHECK (method IS NULL OR method IN ('direct', 'combustion', 'either'));

-- 5. alert-service: time-limited shelving. The state stays open or acknowledged; shelved_until says
--    until when no e-mail goes out for it, and the events record who shelved it and when it came back.
ALTER TABLE alerts
    ADD COLUMN shelved_until timestamptz,
    ADD COLUMN shelve_reason text;
CREATE INDEX alerts_shelved_idx ON alerts (shelved_until) WHERE shelved_until IS NOT NULL;
ALTER TABLE alert_events DROP CONSTRAINT alert_events_transition_known;
ALTER TABLE alert_events ADD CONSTRAINT alert_events_transition_known CHECK (transition IN
    ('opened', 'acknowledged', 'resolved', 'renotified', 'escalated', 'shelved', 'unshelved'));

-- 6. alert-service: anomalies already followed (recorded in the transaction that acts on them), so an
--    anomaly delivered again by the stream is recognised and alerts once. Rows older than a day go.
CREATE TABLE followed_anomalies (
    anomaly_id  bigint      PRIMARY KEY,
    site_id     varchar(63) NOT NULL,
    followed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX followed_anomalies_age_idx ON followed_anomalies (followed_at);
