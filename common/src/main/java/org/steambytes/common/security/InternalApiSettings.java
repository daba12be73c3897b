package org.steambytes.common.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The shared secret ({@code STEAMBYTES_INTERNAL_TOKEN}) that service-to-service calls under
 * {@code /internal/v1} and Prometheus scrapes of {@code /actuator/prometheus} present as a Bearer token,
 * and from which users' dashboard tokens are signed. It has no default: a service refuses to start without it.
 */
public record InternalApiSettings(
        @NotBlank(message = NOT_SET) @Size(min = 16, message = "must be at least 16 characters (STEAMBYTES_INTERNAL_TOKEN)") String token) {

    /** What a service says when started without the secret (there is no default; docs/OPERATIONS.md). */
    public static final String NOT_SET = "is not set: set STEAMBYTES_INTERNAL_TOKEN to the same random secret (at least 16"
            + " characters) for every service of the deployment, e.g. `openssl rand -hex 32`; scripts/run generates one"
            + " in data/internal-token";
}
