package org.steambytes.common.reading;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Which store holds the readings: {@code steambytes.readings.store} ({@code READINGS_STORE}),
 * {@code influx} (the default) or {@code postgres} (docs/ARCHITECTURE.md §3). Bound so that any other
 * value stops the service at start-up with the setting named.
 */
@Validated
@ConfigurationProperties("steambytes.readings")
public record ReadingStoreKind(@NotNull @DefaultValue("influx") Store store) {

    public enum Store {
        INFLUX, POSTGRES
    }
}
