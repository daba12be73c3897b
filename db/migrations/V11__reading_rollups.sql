-- Rollups of the readings history in PostgreSQL, for when the reading store is PostgreSQL
-- (steambytes.readings.store=postgres; docs/ARCHITECTURE.md §2 "Rollups and retention"). Written
-- only by PostgresReadingStore from iot-ingestion's rollup job (ai-processor reads); with the default
-- InfluxDB store they stay empty (the rollups live in InfluxDB's rollup_1m and rollup_1h policies).
-- Runs on PostgreSQL 14 (the embedded one) and later.
--
-- One row per site, sensor and bucket: ts is the bucket's start (a multiple of one minute or one hour
-- from the epoch), and the row keeps what any history aggregate needs over it: mean, min, max, count,
-- sum (so a mean over several rollups is weighted by their counts) and last (the newest reading's
-- value). The 1-minute rows come from the readings, the hourly ones from the 1-minute rows.
--
-- The primary key (site_id, sensor_id, ts) makes a re-run of the job replace a bucket's row (late
-- readings), and a sensor's history over a long range is a range scan of it. The BRIN index on ts
-- serves the job's window scans and the retention delete (RETENTION_1M, RETENTION_1H), as on readings.
CREATE TABLE reading_rollups_1m (
    site_id     text             NOT NULL,
    sensor_id   text             NOT NULL,
    ts          timestamptz      NOT NULL,
    sensor_type text             NOT NULL,
    mean        double precision NOT NULL,
    min         double precision NOT NULL,
    max         double precision NOT NULL,
    count       bigint           NOT NULL,
    sum         double precision NOT NULL,
    last        double precision NOT NULL,
    CONSTRAINT reading_rollups_1m_pkey PRIMARY KEY (site_id, sensor_id, ts)
);

CREATE INDEX reading_rollups_1m_ts_brin ON reading_rollups_1m USING brin (ts);

CREATE TABLE reading_rollups_1h (
    site_id     text             NOT NULL,
    sensor_id   text             NOT NULL,
    ts          timestamptz      NOT NULL,
    sensor_type text             NOT NULL,
    mean        double precision NOT NULL,
    min         double precision NOT NULL,
    max         double precision NOT NULL,
    count       bigint           NOT NULL,
    sum         double precision NOT NULL,
    last        double precision NOT NULL,
    CONSTRAINT reading_rollups_1h_pkey PRIMARY KEY (site_id, sensor_id, ts)
);

CREATE INDEX reading_rollups_1h_ts_brin ON reading_rollups_1h USING brin (ts);
