package org.steambytes.common.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Gateway tokens and API keys: 256 random bits, shown once, stored only as SHA-256 hex. A fast hash
 * is right for secrets of this entropy (no dictionary to try) and lets a request find its owner in
 * one index lookup; low-entropy user passwords use an adaptive hash instead.
 */
public final class SecretHashing {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretHashing() {
    }

    /** A new secret: {@code prefix} + 43 URL-safe characters (256 bits). */
    public static String newSecret(String prefix) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String sha256Hex(String secret) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
