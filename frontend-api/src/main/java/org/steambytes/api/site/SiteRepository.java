package org.steambytes.api.site;

import java.util.Collection;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface SiteRepository extends JpaRepository<Site, String> {

    Page<Site> findBySiteIdIn(Collection<String> siteIds, Pageable pageable);
}
