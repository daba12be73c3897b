package org.steambytes.api.site.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.ZoneId;
import java.util.List;
import org.steambytes.api.site.SiteDetails;
import org.steambytes.api.site.SiteView;
import org.steambytes.common.problem.ProblemException;

/**
 * {@code POST /sites} and {@code PUT /sites/{site_id}} body; {@code site_id} only on create. On update a
 * field left out keeps its value (leaving out {@code notification_emails} must not silence a site's alerts).
 */
record SiteRequest(
        @Pattern(regexp = Slugs.SLUG, message = Slugs.MESSAGE) @Size(max = 63) String siteId,
        @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") @Size(max = 200) String name,
        String timezone,
        @Pattern(regexp = "natural_gas|light_fuel_oil|heavy_fuel_oil|lpg|biomass|coal|other",
                message = "must be one of natural_gas, light_fuel_oil, heavy_fuel_oil, lpg, biomass, coal, other")
        String fuelType,
        @Size(max = 20) List<@Email @NotBlank String> notificationEmails,
        @Size(max = 20) List<@Email @NotBlank String> escalationEmails) {

    /** A new site: {@code name} is required; time zone UTC and natural gas unless given. */
    SiteDetails details() {
        if (name == null) {
            throw ProblemException.invalid("name", "is required");
        }
        return new SiteDetails(name, zone(timezone == null ? "UTC" : timezone), fuelType == null ? "natural_gas" : fuelType,
                notificationEmails == null ? List.of() : notificationEmails,
                escalationEmails == null ? List.of() : escalationEmails);
    }

    /** An update of {@code current}: what the request leaves out stays. */
    SiteDetails over(SiteView current) {
        return new SiteDetails(name == null ? current.name() : name,
                timezone == null ? current.timezone() : zone(timezone),
                fuelType == null ? current.fuelType() : fuelType,
                notificationEmails == null ? current.notificationEmails() : notificationEmails,
                escalationEmails == null ? current.escalationEmails() : escalationEmails);
    }

    /** A region of the IANA database: InfluxDB's tz() and the e-mails' local times need one, not an offset. */
    private static String zone(String zone) {
        if (!ZoneId.getAvailableZoneIds().contains(zone)) {
            throw ProblemException.invalid("timezone", "must be an IANA time zone such as Europe/Berlin");
        }
        return zone;
    }

}
