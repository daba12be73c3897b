package org.steambytes.common.reading;

/**
 * One sensor's raw readings in a window, oldest first, as parallel arrays (a site's hour is tens of
 * thousands of points: no object per point).
 */
public record SensorSeries(String sensorId, String sensorType, long[] timesMs, double[] values) {

    public SensorSeries {
        if (timesMs.length != values.length) {
            throw new IllegalArgumentException("times and values differ in length");
        }
    }

    public int size() {
        return values.length;
    }
}
