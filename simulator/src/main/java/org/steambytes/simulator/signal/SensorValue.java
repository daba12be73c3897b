package org.steambytes.simulator.signal;

import java.time.Instant;

/** One simulated reading: a sensor of the boiler, its value in the sensor's unit, and when. */
public record SensorValue(BoilerSensor sensor, double value, Instant at) {
}
