package org.steambytes.alerting.watch;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.steambytes.alerting.AlertingProperties;

/** The silence watch runs every {@code silence-check} in every replica; the per-site lock keeps them apart. */
@Configuration(proxyBeanMethods = false)
class SilenceSchedule {

    @Bean
    SchedulingConfigurer silenceCheckEvery(AlertingProperties properties, SilenceWatch silence) {
        return (ScheduledTaskRegistrar registrar) ->
                registrar.addFixedDelayTask(silence::check, properties.stream().silenceCheck());
    }
}
