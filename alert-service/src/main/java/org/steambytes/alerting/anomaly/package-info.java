/**
 * Anomaly alerts: follows ai-processor's anomalies stream ({@code ai_processor:anomalies}) as a consumer
 * group, opens {@code anomaly} rules' alerts through the lifecycle (each anomaly once: followed_anomalies)
 * and resolves them after their quiet time. Uses alert, rules, the job locks and the settings.
 */
package org.steambytes.alerting.anomaly;
