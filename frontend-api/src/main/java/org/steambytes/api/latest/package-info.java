/**
 * Latest values: every sensor of a site with its latest reading from iot-ingestion's Redis snapshot or hashes,
 * stale when the sensor has fallen quiet. Uses caller and sensor (the site's sensors, scope checked).
 */
package org.steambytes.api.latest;
