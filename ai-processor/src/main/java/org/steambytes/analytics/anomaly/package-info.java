/**
 * Anomalies: the explainable detectors (rolling z-score, EWMA chart, tabular CUSUM; docs/DOMAIN.md
 * "Analytics") and the anomalies table. Uses the window statistics.
 */
package org.steambytes.analytics.anomaly;
