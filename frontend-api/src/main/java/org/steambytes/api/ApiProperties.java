package org.steambytes.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;
import org.steambytes.common.security.InternalApiSettings;

/**
 * Every setting of this service, bound from {@code steambytes.*} (environment variables in application.yml) and validated at start-up.
 * {@code cacheNamespace} separates the response caches of deployments (or test runs) that share one
 * Redis but not one database. */
@Validated
@ConfigurationProperties("steambytes")
public record ApiProperties(
        @Valid @NotNull InternalApiSettings internal,
        @NotNull URI aiProcessorUrl,
        @NotNull URI alertServiceUrl,
        String adminApiKey,
        String adminPassword,
        @DefaultValue("") String cacheNamespace) {
}
