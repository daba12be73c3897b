/**
 * The ingestion_logs table (this service's audit of every batch, accepted or refused), written in
 * the background. Uses gateways (whose batch it was) and nothing else of the service.
 */
package org.steambytes.ingestion.log;
