-- ai-processor's analytics step (docs/ARCHITECTURE.md §5): efficiency settings per site
-- (docs/DOMAIN.md "Efficiency") and the claim of each site's window, so replicas never analyse a
-- site twice for one window.
ALTER TABLE analytics_configs
    ADD COLUMN dryness           double precision NOT NULL DEFAULT 1.0,
    ADD COLUMN blowdown_pct      double precision NOT NULL DEFAULT 0,
    ADD COLUMN air_temperature_c double precision,
    ADD CONSTRAINT analytics_configs_dryness CHECK (dryness > 0 AND dryness <= 1),
    ADD CONSTRAINT analytics_configs_blowdown CHECK (blowdown_pct >= 0 AND blowdown_pct < 100);

-- One row per site and analysed window (its end, aligned to the interval grid), inserted in the
-- transaction that stores the window's results: a second replica finds it and skips the site.
CREATE TABLE analytics_runs (
    site_id     varchar(63)  NOT NULL REFERENCES sites (site_id) ON DELETE CASCADE,
    window_end  timestamptz  NOT NULL,
    computed_at timestamptz  NOT NULL DEFAULT now(),
    replica     varchar(255),
    PRIMARY KEY (site_id, window_end)
);
CREATE INDEX analytics_runs_window_end_idx ON analytics_runs (window_end);
CREATE INDEX analytics_results_window_end_idx ON analytics_results (window_end);
