package org.steambytes.common.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class UserTokensTests {

    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
    private static final String INTERNAL = "internal-token-for-the-tests-0123";

    private static UserTokens at(Instant instant) {
        return new UserTokens(INTERNAL, Clock.fixed(instant, ZoneOffset.UTC));
    }

    @Test
    void aTokenNamesItsUserForFiveMinutes() {
        String token = at(NOW).issue("ops.anna");
        assertThat(at(NOW).verify(token)).hasValueSatisfying(v -> {
            assertThat(v.username()).isEqualTo("ops.anna");
            assertThat(v.expiresAt()).isEqualTo(NOW.plusSeconds(300));
        });
        assertThat(at(NOW.plusSeconds(300)).verify(token)).isPresent();
        assertThat(at(NOW.plusSeconds(331)).verify(token)).as("expired (beyond 30 s of clock skew)").isEmpty();
        assertThat(at(NOW.minusSeconds(60)).verify(token)).as("issued in the future").isEmpty();
        String claims = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        assertThat(claims).contains("\"iss\":\"frontend-web\"", "\"aud\":\"frontend-api\"", "\"sub\":\"ops.anna\"")
                .doesNotContain("role").doesNotContain("site");
    }

    @Test
    void refusesForgedTamperedAndForeignTokens() {
        String token = at(NOW).issue("ops.anna");
        String[] parts = token.split("\\.");
        String otherUser = Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace("ops.anna", "admin")
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(at(NOW).verify(parts[0] + "." + otherUser + "." + parts[2])).as("claims changed").isEmpty();
        String none = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(at(NOW).verify(none + "." + parts[1] + ".")).as("alg none").isEmpty();
        assertThat(new UserTokens("another-deployments-token-0123", Clock.fixed(NOW, ZoneOffset.UTC)).verify(token))
                .as("signed with another deployment's key").isEmpty();
        assertThat(at(NOW).verify(INTERNAL)).as("the internal token is no user token").isEmpty();
        assertThat(at(NOW).verify("a.b.c")).isEmpty();
        assertThat(at(NOW).verify(parts[0] + "." + parts[1] + ".%%%")).isEmpty();
        assertThat(at(NOW).verify(null)).isEmpty();
        assertThatThrownBy(() -> new UserTokens("short", Clock.systemUTC())).isInstanceOf(IllegalArgumentException.class);
    }
}
