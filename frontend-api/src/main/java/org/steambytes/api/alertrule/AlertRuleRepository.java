package org.steambytes.api.alertrule;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface AlertRuleRepository extends JpaRepository<AlertRule, UUID> {

    Page<AlertRule> findBySiteId(String siteId, Pageable pageable);

    Optional<AlertRule> findByRuleIdAndSiteId(UUID ruleId, String siteId);
}
