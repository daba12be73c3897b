package org.steambytes.alerting.notification;

/** Subject and plain-text body of one notification. */
public record Email(String subject, String body) {
}
