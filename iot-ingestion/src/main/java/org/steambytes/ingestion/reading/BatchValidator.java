package org.steambytes.ingestion.reading;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.steambytes.common.problem.FieldProblem;
import org.steambytes.ingestion.sensor.SensorSpec;
import org.steambytes.ingestion.sensor.SiteSensors;

/** Checks every reading of a batch against its site's sensors and the accepted time window, listing all that fail. */
public final class BatchValidator {

    private final Duration retention;
    private final Duration futureTolerance;

    public BatchValidator(Duration retention, Duration futureTolerance) {
        this.retention = retention;
        this.futureTolerance = futureTolerance;
    }

    public List<FieldProblem> validate(List<IncomingReading> readings, SiteSensors sensors, Instant now) {
        List<FieldProblem> errors = new ArrayList<>();
        if (readings.isEmpty()) {
            errors.add(FieldProblem.of("readings", "must contain at least one reading"));
        }
        Instant latest = now.plus(futureTolerance);
        Instant earliest = now.minus(retention);
        for (int i = 0; i < readings.size(); i++) {
            IncomingReading reading = readings.get(i);
            String at = "readings[" + i + "].";
            SensorSpec sensor = sensors.find(reading.sensorId());
            if (sensor == null) {
                errors.add(FieldProblem.at(i, at + "sensor_id",
                        "unknown sensor '" + reading.sensorId() + "' at site '" + sensors.siteId() + "'"));
            }
            if (!Double.isFinite(reading.value())) {
                errors.add(FieldProblem.at(i, at + "value", "must be a finite number"));
            } else if (sensor != null && !sensor.inRange(reading.value())) {
                errors.add(FieldProblem.at(i, at + "value", "%s is outside the sensor's valid range [%s, %s] %s"
                        .formatted(number(reading.value()), number(sensor.minValid()), number(sensor.maxValid()),
                                sensor.unit())));
            }
            Instant timestamp = reading.timestamp();
            if (timestamp != null && timestamp.isAfter(latest)) {
                errors.add(FieldProblem.at(i, at + "timestamp",
                        "is more than " + futureTolerance.toMinutes() + " minutes ahead of the server clock"));
            } else if (timestamp != null && timestamp.isBefore(earliest)) {
                errors.add(FieldProblem.at(i, at + "timestamp",
                        "is older than the retention window of " + retention.toDays() + " days"));
            }
        }
        return errors;
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }
}
