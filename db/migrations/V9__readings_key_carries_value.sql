-- The readings' primary key carries the value, so a sensor's history is read from the key alone
-- (docs/PERFORMANCE.md "Reading stores", docs/ARCHITECTURE.md §2 "Readings in PostgreSQL").
--
-- Readings arrive in time order with a site's sensors interleaved, so one sensor's month of rows is
-- spread over every page of the table: with the V8 key, a 30-day history visited the whole heap for
-- four rows a page. With value INCLUDEd in the key, the same history is an index-only scan of that
-- sensor's own leaf pages (the visibility map, which autovacuum keeps for this append-mostly table,
-- lets it skip the heap). Measured on the 30-day bench: ×4.9–5.7 slower than InfluxDB before, ×1.6–2.1
-- after; the rebuilt key was smaller too (8 bytes more per entry, but packed).
--
-- Cost: rebuilding the key locks the table while it runs (about half a minute per five million
-- rows on the 2-core reference host). Upserts still name (site_id, sensor_id, ts): INCLUDEd columns
-- are not part of the uniqueness. A re-sent reading that changes value is no HOT update (rare).
ALTER TABLE readings
    DROP CONSTRAINT readings_pkey,
    ADD CONSTRAINT readings_pkey PRIMARY KEY (site_id, sensor_id, ts) INCLUDE (value);
