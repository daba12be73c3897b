package org.steambytes.alerting;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.steambytes.alerting.notification.Digests;
import org.steambytes.alerting.notification.Reminders;
import org.steambytes.alerting.watch.SilenceWatch;
import org.steambytes.common.security.BaselineSecurity;
import org.steambytes.common.security.ProblemSecurityHandlers;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AlertingConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, AlertingProperties properties,
            ProblemSecurityHandlers problems) throws Exception {
        return BaselineSecurity.apply(http, properties.internal(), problems).build();
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The periodic work, at the intervals the settings give (each is safe to run in every replica); the outbox sender runs its own thread. */
    @Bean
    SchedulingConfigurer alertingSchedule(AlertingProperties properties, Reminders reminders,
            SilenceWatch silence, Digests digests) {
        return (ScheduledTaskRegistrar registrar) -> {
            registrar.addFixedDelayTask(reminders::remind, properties.notification().reminderCheck());
            registrar.addFixedDelayTask(digests::sendDue, properties.notification().reminderCheck());
            registrar.addFixedDelayTask(silence::check, properties.stream().silenceCheck());
        };
    }
}
