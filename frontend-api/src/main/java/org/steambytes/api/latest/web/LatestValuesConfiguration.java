package org.steambytes.api.latest.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.steambytes.api.latest.LatestReadings;
import org.steambytes.common.security.SecurityChainFilters;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class LatestValuesConfiguration {

    @Bean
    LatestValuesFilter latestValuesFilter(LatestReadings latest, JsonMapper json) {
        return new LatestValuesFilter(latest, json);
    }

    /** Only inside the security chain (after authorization), not as a plain servlet filter. */
    @Bean
    FilterRegistrationBean<LatestValuesFilter> latestValuesFilterRegistration(LatestValuesFilter filter) {
        return SecurityChainFilters.onlyInSecurityChain(filter);
    }
}
