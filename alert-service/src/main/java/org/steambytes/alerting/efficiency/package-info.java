/**
 * Efficiency-drop alerts: judges {@code efficiency_drop} rules against ai-processor's efficiency results
 * ({@code analytics_results}, read only) — the latest value against the 7-day median and an absolute
 * floor, with on-delay and deadband — and opens or resolves alerts through the lifecycle. Uses alert,
 * rules, the job locks and the settings.
 */
package org.steambytes.alerting.efficiency;
