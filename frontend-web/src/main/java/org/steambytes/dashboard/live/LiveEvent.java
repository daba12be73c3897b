package org.steambytes.dashboard.live;

/**
 * One event ready to send: its SSE name and JSON, and for a {@code readings} event the stream
 * entry's id (the browser's Last-Event-ID). An {@code alerts} event has no id, so it leaves the
 * browser's Last-Event-ID at the last readings entry and a reconnect replays the readings only (the
 * page fetches its alerts again on every connect instead).
 */
record LiveEvent(StreamId id, String name, String json) {

    static final String READINGS = "readings";
    static final String ALERTS = "alerts";
}
