package org.steambytes.ingestion.reading;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;
import org.steambytes.common.problem.FieldProblem;
import org.steambytes.ingestion.IngestionProperties;
import org.steambytes.ingestion.gateway.Gateway;
import org.steambytes.ingestion.sensor.SensorDirectory;
import org.steambytes.ingestion.sensor.SiteSensors;

/**
 * A batch of InfluxDB line protocol from body to durable storage, on the same path as a JSON batch:
 * parse (a malformed line refuses the batch), map fields to sensors ({@link LineMapping}; fields that
 * name no sensor are skipped and counted), validate like the JSON endpoint (any invalid reading refuses
 * the batch), then store durably before answering. Timestamps are kept to the millisecond.
 */
@Component
public class LineIntake {

    private final ReadingIntake intake;
    private final SensorDirectory sensors;
    private final BatchValidator validator;
    private final Clock clock;
    private final int maxReadings;
    private final Counter unmapped;

    LineIntake(ReadingIntake intake, SensorDirectory sensors, IngestionProperties properties, Clock clock,
            MeterRegistry meters) {
        IngestionProperties.Ingestion settings = properties.ingestion();
        this.intake = intake;
        this.sensors = sensors;
        this.validator = new BatchValidator(settings.retention(), settings.futureTolerance());
        this.clock = clock;
        this.maxReadings = settings.maxReadings();
        this.unmapped = Counter.builder("ingestion.line.fields.unmapped").baseUnit("fields")
                .description("Line-protocol fields that named no sensor of the site and were skipped")
                .register(meters);
    }

    public AcceptedBatch accept(Gateway gateway, byte[] body, int length, TimePrecision precision) {
        long started = System.nanoTime();
        Instant now = clock.instant();
        List<LinePoint> points;
        try {
            points = LineProtocolParser.parse(body, length, precision);
        } catch (LineProtocolException e) {
            var rejection = LineRejections.malformed(e);
            intake.reject(gateway, now, started, lines(body, length), "malformed_line",
                    List.of(FieldProblem.at(e.line(), "line " + e.line(), e.getMessage())));
            throw rejection;
        }
        SiteSensors siteSensors = sensors.sensorsOf(gateway.siteId());
        LineMapping.Mapped mapped = new LineMapping().map(points, siteSensors);
        if (mapped.skipped() > 0) {
            SiteSensors again = sensors.recheckSensorsOf(gateway.siteId()); // a sensor may have been added just now
            if (again != siteSensors) {
                siteSensors = again;
                mapped = new LineMapping().map(points, siteSensors);
            }
        }
        if (mapped.readings().size() > maxReadings) {
            throw BatchRejections.tooManyReadings(maxReadings);
        }
        List<FieldProblem> errors = errors(mapped, siteSensors, now);
        if (!errors.isEmpty()) {
            intake.reject(gateway, now, started, mapped.readings().size() + mapped.errors().size(),
                    "invalid_readings", errors);
            throw LineRejections.invalid(errors);
        }
        unmapped.increment(mapped.skipped());
        return intake.store(gateway, now, started,
                ReadingIntake.toReadings(mapped.readings(), siteSensors, gateway.siteId(), now),
                siteSensors, mapped.skipped(), mapped.skipReasons());
    }

    /** String fields of sensors, then the JSON endpoint's checks, each named by its line. */
    private List<FieldProblem> errors(LineMapping.Mapped mapped, SiteSensors siteSensors, Instant now) {
        List<FieldProblem> errors = new ArrayList<>(mapped.errors());
        if (!mapped.readings().isEmpty()) {
            for (FieldProblem problem : validator.validate(mapped.readings(), siteSensors, now)) {
                int i = problem.index();
                int line = mapped.lines().get(i);
                String what = problem.field().substring(problem.field().lastIndexOf('.') + 1);
                errors.add(FieldProblem.at(line, "line " + line,
                        mapped.sources().get(i) + ", " + what + " " + problem.message()));
            }
        }
        errors.sort(Comparator.comparing(FieldProblem::index));
        return errors;
    }

    private static int lines(byte[] body, int length) {
        int lines = length > 0 && body[length - 1] != '\n' ? 1 : 0;
        for (int i = 0; i < length; i++) {
            if (body[i] == '\n') {
                lines++;
            }
        }
        return lines;
    }
}
