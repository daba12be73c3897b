/**
 * Spool-first storage: every accepted batch appended and fsynced to the local spool, then shipped
 * to InfluxDB in order through common's reading store. Uses the settings and nothing else of the service.
 */
package org.steambytes.ingestion.storage;
