/**
 * Provisioning through frontend-api, creating only what is missing: sites, sensors and gateways for any
 * simulated site, and the demo boiler house's rules, analytics settings and operator login (docs/SIMULATOR.md).
 */
package org.steambytes.simulator.demo;
