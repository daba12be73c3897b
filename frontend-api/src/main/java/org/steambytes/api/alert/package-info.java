/**
 * Alerts: the boiler alerts alert-service raised, listed within the caller's sites, and acknowledging or shelving
 * one through alert-service's internal API (alert-service owns them). Uses caller, site (scope checks),
 * the root package's properties (alert-service's address), neighbour (its refusals passed on), window
 * (a shelving's end) and the shared web helpers; reads alert-service's open-alerts documents in Redis.
 */
package org.steambytes.api.alert;
