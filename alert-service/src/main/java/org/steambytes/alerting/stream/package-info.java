/**
 * The readings-stream consumer group: reads, claims and acknowledges entries, counts what the trim
 * removed, and hands each batch to evaluation. Uses evaluation and the settings.
 */
package org.steambytes.alerting.stream;
