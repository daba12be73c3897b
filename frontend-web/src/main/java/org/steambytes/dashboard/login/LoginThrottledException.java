package org.steambytes.dashboard.login;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** A sign-in refused because its user name or address failed too often lately; the password was not checked. */
final class LoginThrottledException extends AuthenticationException {

    private final Duration wait;

    LoginThrottledException(Duration wait) {
        super("too many failed sign-ins");
        this.wait = wait;
    }

    /** Whole seconds to wait, at least 1. */
    long waitSeconds() {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
