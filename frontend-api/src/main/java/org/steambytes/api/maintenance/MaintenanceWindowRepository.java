package org.steambytes.api.maintenance;

import java.time.Instant;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface MaintenanceWindowRepository extends JpaRepository<MaintenanceWindow, Long> {

    Page<MaintenanceWindow> findBySiteId(String siteId, Pageable pageable);

    Page<MaintenanceWindow> findBySiteIdAndEndsAtAfter(String siteId, Instant endsAfter, Pageable pageable);

    Optional<MaintenanceWindow> findByIdAndSiteId(Long id, String siteId);
}
