/**
 * What a durable batch publishes to Redis off the request path: latest values, the dashboard
 * snapshot and the readings-stream entry. Uses sensor metadata, common's keys and stream codec.
 */
package org.steambytes.ingestion.live;
