/**
 * Boiler efficiency: the direct method with IAPWS-IF97 steam properties and combustion efficiency by
 * Siegert (docs/DOMAIN.md "Efficiency"): pure functions. Uses nothing else of the service.
 */
package org.steambytes.analytics.efficiency;
