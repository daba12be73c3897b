package org.steambytes.api.sensor.web;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.steambytes.api.sensor.SensorDetails;
import org.steambytes.api.sensor.SensorView;
import org.steambytes.common.problem.FieldProblem;
import org.steambytes.common.problem.ProblemException;

/**
 * {@code POST /sites/{site_id}/sensors} and {@code PUT .../sensors/{sensor_id}} body; {@code sensor_id} only
 * on create. On update a field left out keeps its value.
 */
record SensorRequest(
        @Pattern(regexp = "^[a-z0-9]+(-[a-z0-9]+)*$",
                message = "must be a slug: lower-case letters, digits and hyphens, e.g. b1-steam-pressure")
        @Size(max = 63) String sensorId,
        @Pattern(regexp = "^[a-z][a-z0-9_]*$", message = "must be lower-case snake_case, e.g. steam_pressure")
        @Size(max = 40) String sensorType,
        @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") @Size(max = 20) String unit,
        Double minValid,
        Double maxValid,
        @Min(1) @Max(86_400) Integer expectedIntervalS,
        @Size(max = 200) String name) {

    @AssertTrue(message = "min_valid and max_valid must be finite numbers")
    boolean isRangeFinite() {
        return (minValid == null || Double.isFinite(minValid)) && (maxValid == null || Double.isFinite(maxValid));
    }

    /** A new sensor: type, unit and valid range are required; a reading expected every 60 s unless given. */
    SensorDetails details() {
        List<FieldProblem> missing = new ArrayList<>();
        requireGiven("sensor_type", sensorType, missing);
        requireGiven("unit", unit, missing);
        requireGiven("min_valid", minValid, missing);
        requireGiven("max_valid", maxValid, missing);
        if (!missing.isEmpty()) {
            throw ProblemException.of(HttpStatus.UNPROCESSABLE_CONTENT, "validation_failed",
                    missing.size() + " field(s) are invalid.").withErrors(missing);
        }
        return checked(new SensorDetails(sensorType, unit, minValid, maxValid,
                expectedIntervalS == null ? 60 : expectedIntervalS, name));
    }

    /** An update of {@code current}: what the request leaves out stays. */
    SensorDetails over(SensorView current) {
        return checked(new SensorDetails(sensorType == null ? current.sensorType() : sensorType,
                unit == null ? current.unit() : unit, minValid == null ? current.minValid() : minValid,
                maxValid == null ? current.maxValid() : maxValid,
                expectedIntervalS == null ? current.expectedIntervalS() : expectedIntervalS,
                name == null ? current.name() : name));
    }

    private static SensorDetails checked(SensorDetails details) {
        if (details.minValid() >= details.maxValid()) {
            throw ProblemException.invalid("max_valid", "must be above min_valid");
        }
        return details;
    }

    private static void requireGiven(String field, Object value, List<FieldProblem> missing) {
        if (value == null) {
            missing.add(FieldProblem.of(field, "is required"));
        }
    }
}
