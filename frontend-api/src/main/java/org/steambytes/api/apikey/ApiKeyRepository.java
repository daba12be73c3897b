package org.steambytes.api.apikey;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

interface ApiKeyRepository extends JpaRepository<ApiKey, UUID> {

    Optional<ApiKey> findByKeyHashAndRevokedAtIsNull(String keyHash);

    Optional<ApiKey> findByKeyHash(String keyHash);

    List<ApiKey> findByNameAndRevokedAtIsNull(String name);

    @Transactional
    @Modifying
    @Query("update ApiKey k set k.lastUsedAt = :at where k.keyId = :keyId and (k.lastUsedAt is null or k.lastUsedAt < :before)")
    int touch(UUID keyId, Instant at, Instant before);
}
