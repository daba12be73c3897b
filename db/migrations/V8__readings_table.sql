-- The readings history in PostgreSQL, for when the reading store is PostgreSQL instead of InfluxDB
-- (steambytes.readings.store=postgres; docs/ARCHITECTURE.md §2 "Readings in PostgreSQL", §6).
-- Written only by PostgresReadingStore (iot-ingestion is the writer, ai-processor reads); with the
-- default InfluxDB store the table stays empty. Runs on PostgreSQL 14 (the embedded one) and later.
--
-- One row per reading, as InfluxDB keeps it: tags site_id, sensor_id, sensor_type, field value,
-- millisecond time. text rather than varchar(63): the port takes any tag text InfluxDB takes.
--
-- The primary key (site_id, sensor_id, ts) is what makes a re-written reading replace the stored
-- one (INSERT ... ON CONFLICT DO UPDATE, last write wins, as InfluxDB overwrites a series' point at
-- the same time), and it is also the one B-tree every read needs: a sensor's raw readings and
-- history are a range scan of it, the newest reading of a sensor is its backward scan, and a
-- site's window walks it sensor by sensor (skip scan written as a recursive query). A second
-- B-tree on (site_id, ts) would serve the site window directly but cost every insert another
-- index; a BRIN index on ts alone serves none of these reads.
--
-- The BRIN index on ts serves the retention delete (ts older than a cut-off): readings arrive
-- roughly in time order, so block ranges have narrow ts ranges and the index stays a few pages
-- and costs next to nothing on insert.
CREATE TABLE readings (
    site_id     text             NOT NULL,
    sensor_id   text             NOT NULL,
    ts          timestamptz      NOT NULL,
    sensor_type text             NOT NULL,
    value       double precision NOT NULL,
    CONSTRAINT readings_pkey PRIMARY KEY (site_id, sensor_id, ts)
);

CREATE INDEX readings_ts_brin ON readings USING brin (ts);
