package org.steambytes.api.gateway;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface GatewayRepository extends JpaRepository<Gateway, UUID> {

    Page<Gateway> findBySiteId(String siteId, Pageable pageable);

    Optional<Gateway> findByGatewayIdAndSiteId(UUID gatewayId, String siteId);
}
