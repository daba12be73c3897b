package org.steambytes.dashboard.login;

import java.util.Map;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * frontend-api stores passwords with Spring's delegating encoder, whose default is bcrypt
 * ({@code {bcrypt}$2a$...}). Only bcrypt is accepted here: any other stored form ({@code {noop}},
 * the placeholder hash of users without a password) never matches, whatever is typed.
 */
final class Passwords {

    private Passwords() {
    }

    static PasswordEncoder bcryptOnly() {
        DelegatingPasswordEncoder encoder = new DelegatingPasswordEncoder("bcrypt",
                Map.of("bcrypt", new BCryptPasswordEncoder()));
        encoder.setDefaultPasswordEncoderForMatches(new NeverMatches());
        return encoder;
    }

    private static final class NeverMatches implements PasswordEncoder {

        @Override
        public String encode(CharSequence rawPassword) {
            throw new UnsupportedOperationException("frontend-web never stores passwords");
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            return false;
        }
    }
}
