package org.steambytes.alerting.notification;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.steambytes.alerting.AlertingProperties;

/** Due digests are looked for every {@code reminder-check} in every replica; one at a time sends them. The outbox sender runs its own thread. */
@Configuration(proxyBeanMethods = false)
class DigestSchedule {

    @Bean
    SchedulingConfigurer digestsEvery(AlertingProperties properties, Digests digests) {
        return (ScheduledTaskRegistrar registrar) ->
                registrar.addFixedDelayTask(digests::sendDue, properties.notification().reminderCheck());
    }
}
