package org.steambytes.analytics;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.steambytes.common.security.BaselineSecurity;
import org.steambytes.common.security.ProblemSecurityHandlers;
import org.steambytes.common.reading.ReadingStoreSettings;

/** Baseline security (the internal APIs), the reading store, and scheduling (the analytics cycle schedules itself). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AnalyticsConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, AnalyticsProperties properties,
            ProblemSecurityHandlers problems) throws Exception {
        return BaselineSecurity.apply(http, properties.internal(), problems).build();
    }

    /** common's ReadingStoreConfiguration makes the store (InfluxDB or PostgreSQL) from these. */
    @Bean
    ReadingStoreSettings readingStoreSettings(AnalyticsProperties properties) {
        return new ReadingStoreSettings(properties.influx(), properties.influx().timeout());
    }
}
