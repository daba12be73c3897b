package org.steambytes.dashboard;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.steambytes.common.security.BaselineSecurity;
import org.steambytes.common.security.ProblemSecurityHandlers;
import org.steambytes.common.security.UserTokens;

/**
 * What this service shares with the others: the baseline chain, limited to the machine routes
 * ({@code /internal/**}, {@code /actuator/**}: stateless, internal token, problem+json), placed before
 * the pages' own chain (package {@code login}); and the signer of the users' tokens for frontend-api.
 */
@Configuration(proxyBeanMethods = false)
class DashboardConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain machineSecurityFilterChain(HttpSecurity http, DashboardProperties properties,
            ProblemSecurityHandlers problems) throws Exception {
        http.securityMatcher("/internal/**", "/actuator/**");
        return BaselineSecurity.apply(http, properties.internal(), problems).build();
    }

    @Bean
    UserTokens userTokens(DashboardProperties properties, Clock clock) {
        return new UserTokens(properties.internal().token(), clock);
    }
}
