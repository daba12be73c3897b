package org.steambytes.alerting;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Alert rules on the readings stream, the alert lifecycle and e-mails to on-call staff. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AlertingApplication {

    public static void main(String[] args) {
        SpringApplication.run(AlertingApplication.class, args);
    }
}
