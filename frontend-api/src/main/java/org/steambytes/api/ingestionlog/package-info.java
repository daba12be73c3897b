/**
 * Ingestion logs: a site's gateway batches as iot-ingestion logged them (accepted, rejected and why),
 * newest first, read only. Uses caller, site (scope checks) and the shared web helpers.
 */
package org.steambytes.api.ingestionlog;
