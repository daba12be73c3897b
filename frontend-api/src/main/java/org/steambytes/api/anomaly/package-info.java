/**
 * Anomalies: what ai-processor's detectors (rolling z-score, EWMA, CUSUM) found in a site's readings,
 * listed newest first, read only from the anomalies table ai-processor writes, and never held in the
 * response cache. Uses caller and sensor (scope checks, the site's sensors), window (from/to) and the shared web
 * helpers.
 */
package org.steambytes.api.anomaly;
