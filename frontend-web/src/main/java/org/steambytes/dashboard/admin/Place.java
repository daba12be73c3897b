package org.steambytes.dashboard.admin;

import java.time.ZoneId;
import org.springframework.web.util.UriComponentsBuilder;
import org.steambytes.dashboard.api.Site;

/** Where an admin page is: a resource family, and the site for a site's sensors, gateways, rules and windows. */
public record Place(ManagedResource resource, Site site) {

    public String siteId() {
        return site == null ? null : site.siteId();
    }

    /** The zone local times are typed and shown in: the site's, else UTC. */
    public String zoneName() {
        return site == null || site.timezone() == null ? "UTC" : site.timezone();
    }

    ZoneId zone() {
        try {
            return ZoneId.of(zoneName());
        } catch (RuntimeException e) {
            return ZoneId.of("UTC");
        }
    }

    /** The page path of the family's list, or below it ({@code tail} segments encoded one by one). */
    public String path(String... tail) {
        UriComponentsBuilder path = UriComponentsBuilder.fromPath("/admin");
        if (site != null) {
            path.pathSegment("sites", site.siteId());
        }
        path.pathSegment(resource.family());
        path.pathSegment(tail);
        return path.build().encode().toUriString();
    }
}
