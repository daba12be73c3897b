/**
 * The two APIs the simulator talks to, as any client would: iot-ingestion's gateway API (batches,
 * retries after Retry-After) and frontend-api's integrator API with an admin key (docs/API.md).
 */
package org.steambytes.simulator.client;
