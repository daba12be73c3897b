/**
 * The stale-tolerant cache in front of PostgreSQL metadata, so known gateways and sensors keep
 * working while PostgreSQL is away. Uses nothing else of the service.
 */
package org.steambytes.ingestion.metadata;
