-- alert-service: readings-stream entries whose evaluation opened or resolved alerts, recorded in the
-- same transaction. An entry delivered again (its consumer died after the commit but before the
-- acknowledgement) is then recognised and not evaluated twice. Rows older than a day are removed.
CREATE TABLE evaluated_stream_entries (
    entry_id     varchar(40)  PRIMARY KEY,
    site_id      varchar(63)  NOT NULL,
    evaluated_at timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX evaluated_stream_entries_age_idx ON evaluated_stream_entries (evaluated_at);

-- The outbox sender looks only at rows still to send: suppressed rows (maintenance, flood,
-- undeliverable) are never sent and need not stay in its index.
DROP INDEX notification_outbox_pending_idx;
CREATE INDEX notification_outbox_pending_idx ON notification_outbox (id)
    WHERE sent_at IS NULL AND suppressed_reason IS NULL;
