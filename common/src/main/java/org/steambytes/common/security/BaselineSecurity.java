package org.steambytes.common.security;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.web.filter.ServletRequestPathFilter;

/**
 * The security every API service starts from: stateless, no browser login, problem+json for 401/403,
 * health probes and the error path public, {@code /internal/**} and the other actuator endpoints for
 * the internal token only, and everything else authenticated unless the service says otherwise.
 */
public final class BaselineSecurity {

    private BaselineSecurity() {
    }

    /** The baseline alone: every route but health and the error path needs authentication. */
    public static HttpSecurity apply(HttpSecurity http, InternalApiSettings internal, ProblemSecurityHandlers problems)
            throws Exception {
        return apply(http, internal, problems, requests -> { });
    }

    /** The baseline with the service's own rules, applied before the final "authenticated" rule. */
    public static HttpSecurity apply(HttpSecurity http, InternalApiSettings internal, ProblemSecurityHandlers problems,
            Customizer<AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry> serviceRules)
            throws Exception {
        return http
                .csrf(AbstractHttpConfigurer::disable) // no cookies, no sessions: nothing for CSRF to forge
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                // The request's path parsed once for every path matcher of the chain (the authorization rules): without
                // it each matcher parses the path afresh and throws it away, a dozen times a request
                // (docs/PERFORMANCE.md "Read path", fourth pass). Behind the firewall, which the chain applies first.
                .addFilterBefore(new ServletRequestPathFilter(), SecurityContextHolderFilter.class)
                .addFilterBefore(new InternalTokenFilter(internal.token()), AuthorizationFilter.class)
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers("/actuator/health", "/actuator/health/**", "/error").permitAll()
                            .requestMatchers("/internal/**", "/actuator/**").hasRole(InternalTokenFilter.ROLE);
                    serviceRules.customize(requests);
                    requests.anyRequest().authenticated();
                });
    }
}
