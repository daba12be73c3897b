/**
 * The reading-store port (readings in and out of the time-series store), its InfluxDB 1.x HTTP API
 * adapter with line protocol, its PostgreSQL adapter over the readings table, their health, and the
 * one configuration that chooses between them; the only place that speaks InfluxQL or SQL about
 * readings; uses common's history request and nothing else of the project.
 */
package org.steambytes.common.reading;
