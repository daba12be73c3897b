/**
 * The simulated boiler: sensors, the daily load, the physics that ties the signals together and the
 * faults (docs/DOMAIN.md "Sensor types", "Efficiency"). Pure: time goes in, readings come out.
 */
package org.steambytes.simulator.signal;
