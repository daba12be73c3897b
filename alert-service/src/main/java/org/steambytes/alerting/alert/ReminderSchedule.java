package org.steambytes.alerting.alert;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.steambytes.alerting.AlertingProperties;

/** Reminders run every {@code reminder-check} in every replica; an advisory lock lets one at a time work. */
@Configuration(proxyBeanMethods = false)
class ReminderSchedule {

    @Bean
    SchedulingConfigurer remindersEvery(AlertingProperties properties, Reminders reminders) {
        return (ScheduledTaskRegistrar registrar) ->
                registrar.addFixedDelayTask(reminders::remind, properties.notification().reminderCheck());
    }
}
