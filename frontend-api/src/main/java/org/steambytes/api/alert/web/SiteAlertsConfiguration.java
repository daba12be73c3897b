package org.steambytes.api.alert.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.steambytes.api.alert.Alerts;
import org.steambytes.common.security.SecurityChainFilters;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class SiteAlertsConfiguration {

    @Bean
    SiteAlertsFilter siteAlertsFilter(Alerts alerts, JsonMapper json) {
        return new SiteAlertsFilter(alerts, json);
    }

    /** Only inside the security chain (after authorization), not as a plain servlet filter. */
    @Bean
    FilterRegistrationBean<SiteAlertsFilter> siteAlertsFilterRegistration(SiteAlertsFilter filter) {
        return SecurityChainFilters.onlyInSecurityChain(filter);
    }
}
