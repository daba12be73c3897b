/**
 * The reading-store port (readings in and out of the time-series store) and its InfluxDB 1.x HTTP API
 * adapter with line protocol and health; the only place that speaks InfluxQL; uses nothing else of the project.
 */
package org.steambytes.common.reading;
