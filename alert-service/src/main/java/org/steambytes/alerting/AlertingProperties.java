package org.steambytes.alerting;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;
import org.steambytes.common.security.InternalApiSettings;

/** Every setting of this service, bound from {@code steambytes.*} (environment variables in application.yml) and validated at start-up. */
@Validated
@ConfigurationProperties("steambytes")
public record AlertingProperties(
        @Valid @NotNull InternalApiSettings internal,
        @NotBlank String mailFrom,
        @NotNull URI dashboardUrl) {
}
