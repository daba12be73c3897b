package org.steambytes.api.apikey;

import java.time.Clock;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.steambytes.api.ApiProperties;
import org.steambytes.api.caller.ApiRole;
import org.steambytes.api.change.Change;
import org.steambytes.common.security.SecretHashing;

/** {@code STEAMBYTES_ADMIN_API_KEY}, if set, is an admin key of all sites after start-up (created or restored). */
@Component
class AdminApiKeyBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminApiKeyBootstrap.class);

    private final ApiKeyRepository keys;
    private final ApiProperties properties;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    static final String NAME = "bootstrap admin (STEAMBYTES_ADMIN_API_KEY)";
    static final int MIN_LENGTH = 20;

    AdminApiKeyBootstrap(ApiKeyRepository keys, ApiProperties properties, Clock clock, ApplicationEventPublisher events) {
        this.keys = keys;
        this.properties = properties;
        this.clock = clock;
        this.events = events;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        String value = properties.adminApiKey();
        if (value == null || value.isBlank()) {
            return;
        }
        if (value.trim().length() < MIN_LENGTH) {
            throw new IllegalStateException("STEAMBYTES_ADMIN_API_KEY must be at least " + MIN_LENGTH
                    + " characters (it opens every site); generate one with `openssl rand -hex 24`.");
        }
        String hash = SecretHashing.sha256Hex(value.trim());
        keys.findByKeyHash(hash).ifPresentOrElse(ApiKey::promoteToAdminOfAllSites, () -> {
            keys.save(new ApiKey(UUID.randomUUID(), NAME, hash,
                    ApiKeys.prefixOf(value.trim()), ApiRole.ADMIN, true, Set.of(), clock.instant()));
            log.info("Created the admin API key given by STEAMBYTES_ADMIN_API_KEY");
        });
        // A changed STEAMBYTES_ADMIN_API_KEY replaces the old one: that value may be why it was changed.
        keys.findByNameAndRevokedAtIsNull(NAME).stream().filter(key -> !key.hasHash(hash)).forEach(old -> {
            old.revoke(clock.instant());
            log.info("Revoked the previous bootstrap admin key {}", old.keyId());
        });
        events.publishEvent(Change.callers()); // the other replicas may remember the key as it was
    }
}
