package org.steambytes.common.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The short-lived token frontend-web presents to frontend-api for its logged-in user (docs/API.md
 * "Dashboard users' tokens", a contract): a JWT (RFC 7519) signed with HMAC-SHA256, claims {@code iss}
 * "frontend-web", {@code aud} "frontend-api", {@code sub} the user name, {@code iat}, {@code exp} (5 min).
 * It names only the user: frontend-api resolves role and sites from the user's row on each use, so a
 * disabled user or a changed scope applies at once. The key is derived from
 * {@code STEAMBYTES_INTERNAL_TOKEN} (HMAC-SHA256 of a fixed label), so no new secret is needed and the
 * internal token itself never travels as a user's credential.
 */
public final class UserTokens {

    public static final Duration LIFETIME = Duration.ofMinutes(5);
    static final String ISSUER = "frontend-web";
    static final String AUDIENCE = "frontend-api";
    private static final Duration SKEW = Duration.ofSeconds(30);
    private static final String HEADER = base64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    private static final String KEY_LABEL = "steambytes:frontend-web:user-token:v1";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A token that checked out: whose it is and until when it holds. */
    public record Verified(String username, Instant expiresAt) {
    }

    private final byte[] key;
    private final Clock clock;

    public UserTokens(String internalToken, Clock clock) {
        if (internalToken == null || internalToken.length() < 16) {
            throw new IllegalArgumentException("the internal token must be at least 16 characters");
        }
        this.key = hmac(internalToken.getBytes(StandardCharsets.UTF_8), KEY_LABEL.getBytes(StandardCharsets.UTF_8));
        this.clock = clock;
    }

    /** A token for {@code username}, valid for {@link #LIFETIME}. */
    public String issue(String username) {
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("no user name");
        }
        long now = clock.instant().getEpochSecond();
        var claims = JSON.createObjectNode().put("iss", ISSUER).put("aud", AUDIENCE).put("sub", username)
                .put("iat", now).put("exp", now + LIFETIME.toSeconds());
        String signed = HEADER + "." + base64(JSON.writeValueAsBytes(claims));
        return signed + "." + base64(hmac(key, signed.getBytes(StandardCharsets.US_ASCII)));
    }

    /** The user of a genuine, current token; empty for anything else (never an exception). */
    public Optional<Verified> verify(String token) {
        if (token == null) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || !HEADER.equals(parts[0])) { // only HS256: no "alg" choice left to the bearer
            return Optional.empty();
        }
        byte[] expected = hmac(key, (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        byte[] given;
        try {
            given = Base64.getUrlDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(expected, given)) {
            return Optional.empty();
        }
        try {
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            Instant now = clock.instant();
            Instant issued = Instant.ofEpochSecond(claims.path("iat").asLong(Long.MAX_VALUE));
            Instant expires = Instant.ofEpochSecond(claims.path("exp").asLong(0));
            String user = claims.path("sub").asString("");
            boolean current = !expires.isBefore(now.minus(SKEW)) && !issued.isAfter(now.plus(SKEW))
                    && Duration.between(issued, expires).compareTo(LIFETIME) <= 0;
            if (!current || user.isBlank() || !ISSUER.equals(claims.path("iss").asString(""))
                    || !AUDIENCE.equals(claims.path("aud").asString(""))) {
                return Optional.empty();
            }
            return Optional.of(new Verified(user, expires));
        } catch (JacksonException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static byte[] hmac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
