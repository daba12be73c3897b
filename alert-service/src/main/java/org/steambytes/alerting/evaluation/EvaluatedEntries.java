package org.steambytes.alerting.evaluation;

import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Stream entries whose evaluation changed alerts ({@code evaluated_stream_entries}), written in the
 * evaluation's transaction: a re-delivered entry (consumer gone after the commit, before the
 * acknowledgement, perhaps before its Redis state was written) is recognised instead of being
 * evaluated against older state a second time.
 */
@Component
class EvaluatedEntries {

    static final Duration KEPT = Duration.ofDays(1);

    private final JdbcClient jdbc;

    EvaluatedEntries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean contains(String entryId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM evaluated_stream_entries WHERE entry_id = ?)")
                .param(entryId).query(Boolean.class).single();
    }

    void record(String entryId, String siteId) {
        jdbc.sql("INSERT INTO evaluated_stream_entries (entry_id, site_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(entryId, siteId).update();
    }

    /** Entries older than a day are long acknowledged or trimmed from the stream. */
    int forgetOld() {
        return jdbc.sql("DELETE FROM evaluated_stream_entries WHERE evaluated_at < now() - make_interval(secs => ?)")
                .param(KEPT.toSeconds()).update();
    }
}
