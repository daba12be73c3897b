/**
 * The gateways' readings API: parse, validate, make durable, answer 202, then publish and log.
 * The one feature that uses the others (gateway, sensor, storage, live, log).
 */
package org.steambytes.ingestion.reading;
