/**
 * The live feed ({@code /sites/{site_id}/live}, Server-Sent Events): one reader per instance and
 * stream follows iot-ingestion's readings stream and alert-service's alert-changes stream in Redis
 * with plain XREAD (no consumer group: every instance sees every entry) and fans each entry out to
 * the browsers watching its site — readings as {@code readings} events whose id is the stream entry's
 * id, so a reconnecting browser's {@code Last-Event-ID} replays what it missed; alert changes as
 * {@code alerts} events without an id, on which the page fetches its alerts again through
 * frontend-api. The one read that does not go through frontend-api (docs/ARCHITECTURE.md
 * "frontend-web"): the site is still checked with frontend-api on every (re)connect and at least
 * every 60 s. Uses {@code api}, the root package and common.
 */
package org.steambytes.dashboard.live;
