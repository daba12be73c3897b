package org.steambytes.common.reading;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where InfluxDB is ({@code INFLUX_URL}, {@code INFLUX_TOKEN}, {@code INFLUX_ORG}, {@code INFLUX_BUCKET}).
 * The 1.x HTTP API is used, served by InfluxDB 1.x, 2.x (v1 compatibility, bucket as database) and 3.x.
 */
public record InfluxSettings(
        @NotBlank @DefaultValue("http://localhost:8086") String url,
        String token,
        @DefaultValue("steambytes") String org,
        @NotBlank @DefaultValue("sensor_data") String bucket,
        @NotNull @DefaultValue("10s") Duration timeout) {

    public boolean hasToken() {
        return token != null && !token.isBlank();
    }
}
