/**
 * The live feed ({@code /sites/{site_id}/live}, Server-Sent Events): one reader per instance follows
 * iot-ingestion's readings stream in Redis with plain XREAD (no consumer group: every instance sees
 * every entry) and fans each entry out to the browsers watching its site; an event's id is the
 * stream entry's id, so a reconnecting browser's {@code Last-Event-ID} replays what it missed.
 * The one read that does not go through frontend-api (docs/ARCHITECTURE.md "frontend-web"): the
 * site is still checked with frontend-api on subscribe and at least every 60 s. Uses {@code api},
 * the root package and common.
 */
package org.steambytes.dashboard.live;
