/**
 * The live data two services exchange through Redis, each format as one type: the readings-stream
 * entry (encoded by iot-ingestion, decoded by alert-service and the dashboard's live feed) and a
 * sensor's latest value (written by iot-ingestion, read by frontend-api) and the anomalies-stream
 * entry (encoded by ai-processor, decoded by alert-service) and the alert-changes-stream entry
 * (encoded by alert-service, decoded by the dashboard's live feed), with the hand-written JSON
 * they need; uses common's reading record.
 */
package org.steambytes.common.stream;
