package org.steambytes.dashboard.live;

/** One readings-stream entry of a site, ready to send: its stream id and the event's JSON. */
record LiveEvent(StreamId id, String json) {
}
