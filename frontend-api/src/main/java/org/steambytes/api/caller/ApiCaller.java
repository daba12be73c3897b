package org.steambytes.api.caller;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The authenticated caller, an integrator's API key or a dashboard user (through frontend-web's user
 * token), with its role and site scope; both are scoped alike. {@code keyId} is set for a key,
 * {@code username} for a user.
 */
public record ApiCaller(Kind kind, UUID keyId, String username, ApiRole role, boolean allSites, Set<String> siteIds) {

    /** How the caller authenticated. */
    public enum Kind {
        KEY, USER;

        @JsonValue
        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public ApiCaller {
        siteIds = Set.copyOf(siteIds);
    }

    public static ApiCaller key(UUID keyId, ApiRole role, boolean allSites, Set<String> siteIds) {
        return new ApiCaller(Kind.KEY, keyId, null, role, allSites, siteIds);
    }

    public static ApiCaller user(String username, ApiRole role, boolean allSites, Set<String> siteIds) {
        return new ApiCaller(Kind.USER, null, username, role, allSites, siteIds);
    }

    /** The caller the security chain authenticated for the current request; null when there is none (yet). */
    public static ApiCaller current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof ApiCaller caller ? caller : null;
    }

    public boolean canSee(String siteId) {
        return allSites || siteIds.contains(siteId);
    }

    public boolean isAdmin() {
        return role == ApiRole.ADMIN;
    }

    /** The key's id or the user's name. */
    public String name() {
        return kind == Kind.KEY ? keyId.toString() : username;
    }

    /**
     * How audit columns name the caller ({@code acknowledged_by}, {@code alert_events.actor}, a maintenance
     * window's {@code created_by}): {@code api-key:<key_id>} or {@code user:<username>} (at most 69 characters).
     */
    public String actor() {
        return kind == Kind.KEY ? "api-key:" + keyId : "user:" + username;
    }
}
