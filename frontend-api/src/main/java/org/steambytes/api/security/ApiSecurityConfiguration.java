package org.steambytes.api.security;

import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.steambytes.api.ApiProperties;
import org.steambytes.api.apikey.ApiKeyAuthenticationFilter;
import org.steambytes.api.cache.ResponseCacheFilter;
import org.steambytes.api.directread.DirectReadFilter;
import org.steambytes.api.caller.ApiRole;
import org.steambytes.api.user.UserTokenAuthenticationFilter;
import org.steambytes.common.problem.ProblemJsonWriter;
import org.steambytes.common.security.BaselineSecurity;
import org.steambytes.common.security.ProblemSecurityHandlers;
import org.steambytes.common.security.SecurityChainFilters;

/**
 * The baseline plus integrators and dashboard users: every {@code /api/v1} route needs an API key or a
 * user token. Reading needs any role; acknowledging and shelving alerts and keeping maintenance
 * windows need {@code operator} or {@code admin}; every other change needs {@code admin} (a role below
 * gets 403); keys, users, a site's analytics settings and the audit log are for {@code admin} only, reading too. Which
 * sites a caller sees is checked per site by the features (404 for a site outside the scope).
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

    private static final String[] ANY_ROLE = {ApiRole.READER.name(), ApiRole.OPERATOR.name(), ApiRole.ADMIN.name()};
    private static final String[] OPERATING = {ApiRole.OPERATOR.name(), ApiRole.ADMIN.name()};

    @Bean
    ProblemSecurityHandlers problemSecurityHandlers(ProblemJsonWriter writer) {
        return new ProblemSecurityHandlers(writer, "ApiKey header=\"" + ApiKeyAuthenticationFilter.HEADER + "\", Bearer");
    }

    /**
     * No observation decorator around every security filter. The observations themselves are off already
     * ({@code management.observations.enable.spring.security: false}); this also drops the wrapping, which
     * the read path's profile showed on every request (docs/PERFORMANCE.md "Read path").
     */
    @Bean
    SecurityObservationSettings noSecurityFilterObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** Only inside the security chain (placed below), not as a plain servlet filter. */
    @Bean
    FilterRegistrationBean<ApiKeyAuthenticationFilter> apiKeyFilterRegistration(ApiKeyAuthenticationFilter filter) {
        return SecurityChainFilters.onlyInSecurityChain(filter);
    }

    @Bean
    FilterRegistrationBean<UserTokenAuthenticationFilter> userTokenFilterRegistration(UserTokenAuthenticationFilter filter) {
        return SecurityChainFilters.onlyInSecurityChain(filter);
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ApiProperties properties,
            ProblemSecurityHandlers problems, ApiKeyAuthenticationFilter apiKeys, UserTokenAuthenticationFilter userTokens,
            ResponseCacheFilter responseCache, List<DirectReadFilter> directReads) throws Exception {
        http.addFilterBefore(apiKeys, AuthorizationFilter.class);
        http.addFilterBefore(userTokens, AuthorizationFilter.class);
        http.addFilterAfter(responseCache, AuthorizationFilter.class); // only authorized reads reach the cache
        // The hot reads answered without Spring MVC's dispatch: after authorization too, never before it.
        directReads.forEach(filter -> http.addFilterAfter(filter, ResponseCacheFilter.class));
        return BaselineSecurity.apply(http, properties.internal(), problems, requests -> requests
                // The API's description is public, like any published API reference.
                .requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html",
                        "/swagger-ui/**").permitAll()
                .requestMatchers("/api/v1/api-keys", "/api/v1/api-keys/**", "/api/v1/users", "/api/v1/users/**",
                        "/api/v1/sites/*/analytics-config", "/api/v1/audit-events", "/api/v1/audit-events/**")
                .hasRole(ApiRole.ADMIN.name())
                .requestMatchers(HttpMethod.GET, "/api/v1/**").hasAnyRole(ANY_ROLE)
                .requestMatchers(HttpMethod.HEAD, "/api/v1/**").hasAnyRole(ANY_ROLE)
                .requestMatchers(HttpMethod.OPTIONS, "/api/v1/**").hasAnyRole(ANY_ROLE)
                // What an operator on shift does: answer alerts and announce maintenance.
                .requestMatchers(HttpMethod.POST, "/api/v1/alerts/*/acknowledge", "/api/v1/alerts/*/shelve",
                        "/api/v1/sites/*/maintenance-windows").hasAnyRole(OPERATING)
                .requestMatchers(HttpMethod.DELETE, "/api/v1/alerts/*/shelve",
                        "/api/v1/sites/*/maintenance-windows/*").hasAnyRole(OPERATING)
                .requestMatchers(HttpMethod.PUT, "/api/v1/sites/*/maintenance-windows/*").hasAnyRole(OPERATING)
                .requestMatchers("/api/v1/**").hasRole(ApiRole.ADMIN.name()))
                .build();
    }
}
