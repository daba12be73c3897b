/**
 * The per-site summary of the operators' overview: status (ok, alerting, stale), active alerts and the
 * highest severity, the newest reading and the latest efficiency, read fresh from PostgreSQL and Redis
 * (alert-service's, iot-ingestion's and ai-processor's data). Uses caller.
 */
package org.steambytes.api.summary;
