package org.steambytes.alerting;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.steambytes.common.security.BaselineSecurity;
import org.steambytes.common.security.ProblemSecurityHandlers;

/** The baseline security (internal API and metrics for the internal token only); each periodic job schedules itself (a SchedulingConfigurer). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AlertingConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, AlertingProperties properties,
            ProblemSecurityHandlers problems) throws Exception {
        return BaselineSecurity.apply(http, properties.internal(), problems).build();
    }
}
