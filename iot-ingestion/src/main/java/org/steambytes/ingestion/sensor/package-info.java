/**
 * Sensor metadata of each site (type, unit, valid range) as ingestion validates against it. Uses
 * the settings and the metadata cache.
 */
package org.steambytes.ingestion.sensor;
