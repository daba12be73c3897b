package org.steambytes.api.user;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.steambytes.api.ApiProperties;
import org.steambytes.common.security.UserTokens;

@Configuration(proxyBeanMethods = false)
class UserConfiguration {

    /** {@code {bcrypt}...} hashes; frontend-web verifies with the same delegating encoder. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** Verifies frontend-web's user tokens with the key both derive from {@code STEAMBYTES_INTERNAL_TOKEN}. */
    @Bean
    UserTokens userTokens(ApiProperties properties, Clock clock) {
        return new UserTokens(properties.internal().token(), clock);
    }
}
