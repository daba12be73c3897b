package org.steambytes.api.site;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.steambytes.api.audit.AuditAction;
import org.steambytes.api.audit.AuditLog;
import org.steambytes.api.audit.AuditedResource;
import org.steambytes.api.caller.ApiCaller;
import org.steambytes.api.change.Change;
import org.steambytes.api.change.ChangeBus;
import org.steambytes.api.change.LocalCache;
import org.steambytes.common.problem.ProblemException;

/**
 * Sites within a caller's scope. A site outside the scope is answered exactly like a missing one
 * (404), so a key cannot learn which other sites exist.
 */
@Service
public class Sites {

    private final SiteRepository sites;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final AuditLog audit;
    /** Which sites exist, as this replica remembers it (forgotten on every replica at any site change). */
    private final LocalCache<String, Boolean> existing;
    /** Each site's time zone, remembered the same way (the history path needs it on every request). */
    private final LocalCache<String, String> timezones;

    Sites(SiteRepository sites, JdbcTemplate jdbc, Clock clock, AuditLog audit, ChangeBus changes) {
        this.sites = sites;
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.existing = changes.cache(Duration.ofSeconds(10), Change::aboutSites);
        this.timezones = changes.cache(Duration.ofSeconds(10), Change::aboutSites);
    }

    @Transactional(readOnly = true)
    public Page<SiteView> list(ApiCaller caller, Pageable pageable) {
        Page<Site> page = caller.allSites() ? sites.findAll(pageable) : sites.findBySiteIdIn(caller.siteIds(), pageable);
        return page.map(Site::view);
    }

    @Transactional(readOnly = true)
    public SiteView get(ApiCaller caller, String siteId) {
        return visible(caller, siteId).view();
    }

    /** Fails with 404 unless the site exists and the caller may see it. */
    public void requireVisible(ApiCaller caller, String siteId) {
        if (!caller.canSee(siteId) || !existing.get(siteId, sites::existsById)) {
            throw notFound(siteId);
        }
    }

    /**
     * The site's time zone, from this replica's memory when it can (like {@link #requireVisible}); 404 unless
     * the site exists and the caller may see it.
     */
    public String timezone(ApiCaller caller, String siteId) {
        String timezone = caller.canSee(siteId)
                ? timezones.get(siteId, site -> sites.findById(site).map(found -> found.view().timezone()).orElse(null))
                : null;
        if (timezone == null) {
            throw notFound(siteId);
        }
        return timezone;
    }

    @Transactional
    public SiteView create(ApiCaller caller, String siteId, SiteDetails details) {
        if (!caller.allSites()) {
            throw ProblemException.of(HttpStatus.FORBIDDEN, "scope_exceeded",
                    "Only a key for all sites can create sites.");
        }
        if (sites.existsById(siteId)) {
            throw ProblemException.of(HttpStatus.CONFLICT, "site_exists", "Site '" + siteId + "' exists already.");
        }
        Site site = new Site(siteId, clock.instant());
        site.update(details, clock.instant());
        SiteView created = sites.save(site).view();
        audit.record(caller, AuditAction.CREATE, AuditedResource.SITE, siteId, siteId, null, created);
        return created;
    }

    @Transactional
    /** {@code change} gets the site as it is and says what it becomes. */
    public SiteView update(ApiCaller caller, String siteId, Function<SiteView, SiteDetails> change) {
        Site site = visible(caller, siteId);
        SiteView before = site.view();
        site.update(change.apply(before), clock.instant());
        SiteView after = site.view();
        audit.record(caller, AuditAction.UPDATE, AuditedResource.SITE, siteId, siteId, before, after);
        return after;
    }

    /** Refuses (409) to delete a site that has sensors, gateways or logged batches unless forced. */
    @Transactional
    public void delete(ApiCaller caller, String siteId, boolean force) {
        Site site = visible(caller, siteId);
        Long dependents = jdbc.queryForObject("SELECT (SELECT count(*) FROM sensors WHERE site_id = ?)"
                + " + (SELECT count(*) FROM gateways WHERE site_id = ?)"
                + " + (SELECT count(*) FROM ingestion_logs WHERE site_id = ?)", Long.class, siteId, siteId, siteId);
        if (dependents != null && dependents > 0 && !force) {
            throw ProblemException.of(HttpStatus.CONFLICT, "site_has_data", "Site '" + siteId
                    + "' has sensors, gateways or ingested data; delete with ?force=true to remove it with all of them.");
        }
        audit.record(caller, AuditAction.DELETE, AuditedResource.SITE, siteId, siteId, site.view(), null);
        sites.delete(site);
    }

    private Site visible(ApiCaller caller, String siteId) {
        if (!caller.canSee(siteId)) {
            throw notFound(siteId);
        }
        return sites.findById(siteId).orElseThrow(() -> notFound(siteId));
    }

    static ProblemException notFound(String siteId) {
        return ProblemException.of(HttpStatus.NOT_FOUND, "site_not_found", "No site '" + siteId + "'.");
    }
}
