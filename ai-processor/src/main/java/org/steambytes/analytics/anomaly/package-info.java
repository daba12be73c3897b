/**
 * Anomalies the detectors find (the anomalies table; today its mapping, validated against the schema,
 * the detectors come with the analytics step). Uses nothing else of the service.
 */
package org.steambytes.analytics.anomaly;
