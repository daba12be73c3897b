package org.steambytes.common.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The shared secret ({@code STEAMBYTES_INTERNAL_TOKEN}) that service-to-service calls under
 * {@code /internal/v1} and Prometheus scrapes of {@code /actuator/prometheus} present as a Bearer token.
 */
public record InternalApiSettings(@NotBlank @Size(min = 16, message = "must be at least 16 characters") String token) {
}
