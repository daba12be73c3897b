package org.steambytes.dashboard.login;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.steambytes.common.security.ProblemSecurityHandlers;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.pathPattern;

/**
 * The pages' chain (every route but the machine routes): form login, sessions (Spring Session in
 * Redis), CSRF tokens on every form and state-changing request, a strict content security policy
 * (no inline script or style). Browsers are sent to the sign-in page and shown HTML error pages;
 * other clients (the chart's fetch, the SSE stream, scripts) get 401/403 as problem+json.
 * Acknowledging, shelving and unshelving need the operator or admin role, the admin pages the admin
 * role; frontend-api checks again.
 */
@Configuration(proxyBeanMethods = false)
class WebSecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; script-src 'self'; "
            + "style-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";

    @Bean
    @Order(2)
    SecurityFilterChain pageSecurityFilterChain(HttpSecurity http, DashboardUsers users, LoginThrottle throttle,
            ProblemSecurityHandlers problems) throws Exception {
        RequestMatcher browser = browser();
        HttpSessionRequestCache requestCache = new HttpSessionRequestCache();
        // Only a page a browser asked for is remembered for after sign-in (an e-mail's link), and
        // anonymous scripts do not create sessions.
        requestCache.setRequestMatcher(new AndRequestMatcher(pathPattern(HttpMethod.GET, "/**"), browser));
        return http
                .authenticationManager(authenticationManager(users, throttle))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", LoginController.THROTTLED_PATH, "/css/**", "/js/**", "/webjars/**",
                                "/favicon.ico", "/error").permitAll()
                        .requestMatchers(HttpMethod.POST, "/alerts/*/acknowledge", "/alerts/*/shelve", "/alerts/*/unshelve")
                        .hasAnyRole("OPERATOR", "ADMIN")
                        // The admin pages: a viewer or operator gets the 403 page before frontend-api is asked.
                        .requestMatchers("/admin", "/admin/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").failureHandler(new LoginFailureHandler()).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .requestCache(cache -> cache.requestCache(requestCache))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(entryPoint(browser, problems))
                        .accessDeniedHandler(accessDenied(browser, problems)))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(
                                org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter
                                        .ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }

    private static AuthenticationManager authenticationManager(DashboardUsers users, LoginThrottle throttle) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(Passwords.bcryptOnly());
        return new ProviderManager(new ThrottledAuthentication(passwords, throttle));
    }

    /** A request whose Accept names HTML (a browser navigating), not one that merely accepts anything. */
    private static RequestMatcher browser() {
        MediaTypeRequestMatcher html = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
        html.setIgnoredMediaTypes(java.util.Set.of(MediaType.ALL));
        return html;
    }

    private static AuthenticationEntryPoint entryPoint(RequestMatcher browser, ProblemSecurityHandlers problems) {
        LinkedHashMap<RequestMatcher, AuthenticationEntryPoint> byClient = new LinkedHashMap<>();
        byClient.put(browser, new LoginUrlAuthenticationEntryPoint("/login"));
        DelegatingAuthenticationEntryPoint entryPoint = new DelegatingAuthenticationEntryPoint(byClient);
        entryPoint.setDefaultEntryPoint(problems);
        return entryPoint;
    }

    private static AccessDeniedHandler accessDenied(RequestMatcher browser, ProblemSecurityHandlers problems) {
        return (request, response, denied) -> {
            if (browser.matches(request)) {
                response.sendError(HttpServletResponse.SC_FORBIDDEN); // the HTML error page
            } else {
                problems.handle(request, response, denied);
            }
        };
    }
}
