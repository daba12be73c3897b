package org.steambytes.api.apikey;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.steambytes.api.audit.AuditAction;
import org.steambytes.api.audit.AuditLog;
import org.steambytes.api.audit.AuditedResource;
import org.steambytes.api.caller.ApiCaller;
import org.steambytes.api.caller.ApiRole;
import org.steambytes.api.caller.SiteScope;
import org.steambytes.api.change.Change;
import org.steambytes.common.problem.ProblemException;
import org.steambytes.common.security.SecretHashing;

/** Issuing, listing and revoking API keys. A key can only hand out what it has itself: its role and sites at most. */
@Service
public class ApiKeys {

    private final ApiKeyRepository keys;
    private final Clock clock;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    ApiKeys(ApiKeyRepository keys, Clock clock, AuditLog audit, ApplicationEventPublisher events) {
        this.keys = keys;
        this.clock = clock;
        this.audit = audit;
        this.events = events;
    }

    /** A new key and, once only, its secret. */
    public record IssuedKey(UUID keyId, String key, KeyView details) {
    }

    public record KeyView(UUID keyId, String name, String keyPrefix, ApiRole role, boolean allSites,
            Set<String> siteIds, java.time.Instant createdAt, java.time.Instant lastUsedAt,
            java.time.Instant revokedAt) {
    }

    @Transactional
    public IssuedKey issue(ApiCaller issuer, String name, ApiRole role, SiteScope scope) {
        scope.checkGrantableBy(issuer);
        String secret = SecretHashing.newSecret("sbk_");
        ApiKey key = keys.save(new ApiKey(UUID.randomUUID(), name, SecretHashing.sha256Hex(secret), prefixOf(secret),
                role, scope.allSites(), scope.siteIds(), clock.instant()));
        KeyView issued = view(key);
        audit.record(issuer, AuditAction.CREATE, AuditedResource.API_KEY, key.keyId().toString(), null, null, issued);
        return new IssuedKey(key.keyId(), secret, issued);
    }

    @Transactional(readOnly = true)
    public List<KeyView> list(ApiCaller caller) {
        return keys.findAll().stream()
                .filter(key -> caller.allSites() || (!key.allSites() && caller.siteIds().containsAll(key.siteIds())))
                .map(ApiKeys::view).toList();
    }

    @Transactional
    public void revoke(ApiCaller caller, UUID keyId) {
        ApiKey key = keys.findById(keyId)
                .filter(k -> caller.allSites() || (!k.allSites() && caller.siteIds().containsAll(k.siteIds())))
                .orElseThrow(() -> ProblemException.of(HttpStatus.NOT_FOUND, "not_found", "No API key " + keyId + "."));
        KeyView before = view(key);
        key.revoke(clock.instant());
        audit.record(caller, AuditAction.REVOKE, AuditedResource.API_KEY, keyId.toString(), null, before, view(key));
        events.publishEvent(Change.callers()); // every replica forgets the keys it remembers, after the commit
    }

    static String prefixOf(String secret) {
        return secret.substring(0, Math.min(8, secret.length()));
    }

    private static KeyView view(ApiKey key) {
        return new KeyView(key.keyId(), key.name(), key.keyPrefix(), key.role(), key.allSites(), key.siteIds(),
                key.createdAt(), key.lastUsedAt(), key.revokedAt());
    }
}
