/**
 * Sensors: the sensors table and its API, a site's measuring points (steam pressure, drum water level,
 * flue gas O2, …) with unit, valid range and expected interval, which iot-ingestion reads. Uses caller,
 * site (scope checks) and the shared web helpers.
 */
package org.steambytes.api.sensor;
