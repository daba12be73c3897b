package org.steambytes.api;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.steambytes.common.security.BaselineSecurity;
import org.steambytes.common.security.ProblemSecurityHandlers;

@Configuration(proxyBeanMethods = false)
class ApiConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ApiProperties properties,
            ProblemSecurityHandlers problems) throws Exception {
        return BaselineSecurity.apply(http, properties.internal(), problems).build();
    }
}
