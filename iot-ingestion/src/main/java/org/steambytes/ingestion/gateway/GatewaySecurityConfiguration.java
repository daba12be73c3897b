package org.steambytes.ingestion.gateway;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.steambytes.common.problem.ProblemJsonWriter;
import org.steambytes.common.security.BaselineSecurity;
import org.steambytes.common.security.ProblemSecurityHandlers;
import org.steambytes.common.security.SecurityChainFilters;
import org.steambytes.ingestion.IngestionProperties;

/** The baseline plus gateways: the readings API and InfluxDB's write endpoints need a gateway token; {@code /ping} is public. */
@Configuration(proxyBeanMethods = false)
class GatewaySecurityConfiguration {

    @Bean
    GatewayTokenFilter gatewayTokenFilter(GatewayDirectory directory, ProblemSecurityHandlers problems,
            ProblemJsonWriter writer) {
        return new GatewayTokenFilter(directory, problems, writer);
    }

    /** Only inside the security chain, not a second time as a plain servlet filter. */
    @Bean
    FilterRegistrationBean<GatewayTokenFilter> gatewayTokenFilterRegistration(GatewayTokenFilter filter) {
        return SecurityChainFilters.onlyInSecurityChain(filter);
    }

    @Bean
    InfluxTokenFilter influxTokenFilter(GatewayDirectory directory) {
        return new InfluxTokenFilter(directory);
    }

    @Bean
    FilterRegistrationBean<InfluxTokenFilter> influxTokenFilterRegistration(InfluxTokenFilter filter) {
        return SecurityChainFilters.onlyInSecurityChain(filter);
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, IngestionProperties properties,
            ProblemSecurityHandlers problems, GatewayTokenFilter gateways, InfluxTokenFilter influxGateways)
            throws Exception {
        http.addFilterBefore(gateways, AuthorizationFilter.class);
        http.addFilterBefore(influxGateways, AuthorizationFilter.class);
        return BaselineSecurity.apply(http, properties.internal(), problems, requests ->
                requests.requestMatchers(HttpMethod.POST, "/api/v1/readings", "/write", "/api/v2/write")
                        .hasRole(GatewayTokenFilter.ROLE)
                        .requestMatchers(HttpMethod.GET, "/ping").permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/ping").permitAll())
                .build();
    }
}
