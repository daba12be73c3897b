package org.steambytes.api.user;

import java.time.Clock;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.steambytes.api.ApiProperties;

/** {@code STEAMBYTES_ADMIN_PASSWORD}, if set, is the password of a web user {@code admin} of all sites after start-up. */
@Component
class AdminUserBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminUserBootstrap.class);
    static final String ADMIN = "admin";

    private final UserRepository users;
    private final PasswordEncoder passwords;
    private final ApiProperties properties;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;

    AdminUserBootstrap(UserRepository users, PasswordEncoder passwords, ApiProperties properties, Clock clock,
            org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.users = users;
        this.passwords = passwords;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        String password = properties.adminPassword();
        if (password == null || password.isBlank()) {
            return;
        }
        if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > Users.MAX_PASSWORD_BYTES) {
            throw new IllegalStateException("STEAMBYTES_ADMIN_PASSWORD is longer than " + Users.MAX_PASSWORD_BYTES
                    + " bytes; bcrypt reads no further. Choose a shorter one.");
        }
        DashboardUser admin = users.findById(ADMIN).orElseGet(() -> new DashboardUser(ADMIN, clock.instant()));
        admin.update("admin", true, Set.of(), clock.instant());
        admin.changePassword(passwords.encode(password), clock.instant());
        users.save(admin);
        events.publishEvent(org.steambytes.api.change.Change.callers());
        log.info("Web user '{}' has the password given by STEAMBYTES_ADMIN_PASSWORD", ADMIN);
    }
}
