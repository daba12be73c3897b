package org.steambytes.api.site.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.steambytes.api.site.SiteDetails;
import org.steambytes.common.problem.FieldProblem;
import org.steambytes.common.problem.ProblemException;

/** {@code POST /sites} and {@code PUT /sites/{site_id}} body; {@code site_id} only on create. */
record SiteRequest(
        @Pattern(regexp = Slugs.SLUG, message = Slugs.MESSAGE) @Size(max = 63) String siteId,
        @NotBlank @Size(max = 200) String name,
        String timezone,
        @Pattern(regexp = "natural_gas|light_fuel_oil|heavy_fuel_oil|lpg|biomass|coal|other",
                message = "must be one of natural_gas, light_fuel_oil, heavy_fuel_oil, lpg, biomass, coal, other")
        String fuelType,
        @Size(max = 20) List<@Email @NotBlank String> notificationEmails,
        @Size(max = 20) List<@Email @NotBlank String> escalationEmails) {

    SiteDetails details() {
        String zone = timezone == null ? "UTC" : timezone;
        try {
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw ProblemException.of(HttpStatus.UNPROCESSABLE_CONTENT, "validation_failed", "1 field is invalid.")
                    .withErrors(List.of(FieldProblem.of("timezone", "must be an IANA time zone such as Europe/Berlin")));
        }
        return new SiteDetails(name, zone, fuelType == null ? "natural_gas" : fuelType,
                notificationEmails == null ? List.of() : notificationEmails,
                escalationEmails == null ? List.of() : escalationEmails);
    }
}
