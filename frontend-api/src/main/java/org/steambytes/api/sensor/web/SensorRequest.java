package org.steambytes.api.sensor.web;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.steambytes.api.sensor.SensorDetails;

/** {@code POST /sites/{site_id}/sensors} and {@code PUT .../sensors/{sensor_id}} body; {@code sensor_id} only on create. */
record SensorRequest(
        @Pattern(regexp = "^[a-z0-9]+(-[a-z0-9]+)*$",
                message = "must be a slug: lower-case letters, digits and hyphens, e.g. b1-steam-pressure")
        @Size(max = 63) String sensorId,
        @NotBlank @Pattern(regexp = "^[a-z][a-z0-9_]*$", message = "must be lower-case snake_case, e.g. steam_pressure")
        @Size(max = 40) String sensorType,
        @NotBlank @Size(max = 20) String unit,
        @NotNull Double minValid,
        @NotNull Double maxValid,
        @Min(1) @Max(86_400) Integer expectedIntervalS,
        @Size(max = 200) String name) {

    @AssertTrue(message = "min_valid must be below max_valid")
    boolean isRangeValid() {
        return minValid == null || maxValid == null || minValid < maxValid;
    }

    SensorDetails details() {
        return new SensorDetails(sensorType, unit, minValid, maxValid,
                expectedIntervalS == null ? 60 : expectedIntervalS, name);
    }
}
