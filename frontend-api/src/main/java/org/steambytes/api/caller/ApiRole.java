package org.steambytes.api.caller;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

/**
 * What a caller may do within its site scope: {@code reader} reads; {@code operator} also acknowledges
 * and shelves alerts and keeps maintenance windows; {@code admin} also changes everything else.
 */
public enum ApiRole {
    READER, OPERATOR, ADMIN;

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ApiRole of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    /**
     * The API role of a dashboard user's role ({@code users.role}): viewer → reader, operator →
     * operator, admin → admin; empty for anything else.
     */
    public static Optional<ApiRole> ofDashboardRole(String role) {
        return Optional.ofNullable(switch (role == null ? "" : role) {
            case "viewer" -> READER;
            case "operator" -> OPERATOR;
            case "admin" -> ADMIN;
            default -> null;
        });
    }
}
