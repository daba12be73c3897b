/**
 * Alerts: the boiler alerts alert-service raised, listed within the caller's sites, and acknowledging
 * one through alert-service's internal API (alert-service owns them). Uses caller, site (scope checks),
 * the root package's properties (alert-service's address) and the shared web helpers.
 */
package org.steambytes.api.alert;
