package org.steambytes.ingestion;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;
import org.steambytes.common.reading.InfluxSettings;
import org.steambytes.common.security.InternalApiSettings;

/** Every setting of this service, bound from {@code steambytes.*} (environment variables in application.yml) and validated at start-up. */
@Validated
@ConfigurationProperties("steambytes")
public record IngestionProperties(
        @Valid @NotNull InternalApiSettings internal,
        @Valid @NotNull InfluxSettings influx) {
}
