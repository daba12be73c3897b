package org.steambytes.dashboard.admin;

import static org.steambytes.dashboard.admin.FieldType.CHECKBOX;
import static org.steambytes.dashboard.admin.FieldType.DATETIME;
import static org.steambytes.dashboard.admin.FieldType.EMAILS;
import static org.steambytes.dashboard.admin.FieldType.INTEGER;
import static org.steambytes.dashboard.admin.FieldType.NUMBER;
import static org.steambytes.dashboard.admin.FieldType.PASSWORD;
import static org.steambytes.dashboard.admin.FieldType.SCOPE;
import static org.steambytes.dashboard.admin.FieldType.SELECT;
import static org.steambytes.dashboard.admin.FieldType.SENSOR;
import static org.steambytes.dashboard.admin.FieldType.TEXT;
import static org.steambytes.dashboard.admin.FieldType.TEXTAREA;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.steambytes.dashboard.admin.FormField.Choice;
import tools.jackson.databind.JsonNode;

/**
 * What the admin pages manage, as docs/API.md describes frontend-api's resources: the fields each form
 * asks for (named as the JSON names them) and the columns each list shows. Validation is frontend-api's;
 * the forms only say what a field means.
 */
@Component
class ManagedResources {

    static final List<Choice> SEVERITIES = Choice.of("critical", "high", "medium", "low");

    private final Map<String, ManagedResource> byFamily = new LinkedHashMap<>();

    ManagedResources() {
        for (ManagedResource resource : List.of(sites(), sensors(), gateways(), alertRules(), maintenanceWindows(),
                users(), apiKeys())) {
            byFamily.put(resource.family(), resource);
        }
    }

    Optional<ManagedResource> find(String family, boolean siteScoped) {
        return Optional.ofNullable(byFamily.get(family)).filter(resource -> resource.siteScoped() == siteScoped);
    }

    /** The families of a site's pages, in the order of its tabs. */
    List<ManagedResource> ofSite() {
        return byFamily.values().stream().filter(ManagedResource::siteScoped).toList();
    }

    private static ManagedResource sites() {
        List<Choice> zones = ZoneId.getAvailableZoneIds().stream()
                .filter(zone -> zone.equals("UTC") || zone.matches("(Africa|America|Antarctica|Arctic|Asia|Atlantic|Australia|Europe|Indian|Pacific)/.+"))
                .sorted().map(zone -> new Choice(zone, zone)).toList();
        return new ManagedResource("sites", "site", "sites", false, "/api/v1/sites", "site_id",
                List.of(Column.text("site_id", "Site id"), Column.text("name", "Name"), Column.text("timezone", "Time zone"),
                        Column.text("fuel_type", "Fuel"), new Column("notification_emails", "Alert e-mails", Column.Shown.LIST)),
                List.of(FormField.of("site_id", "Site id", TEXT).mandatory().identifying()
                                .help("Lower-case letters, digits and hyphens, e.g. plant-a. It cannot be changed later."),
                        FormField.of("name", "Name", TEXT).mandatory(),
                        FormField.of("timezone", "Time zone", SELECT).mandatory().choices(zones).initial("UTC")
                                .help("The site's local time: charts, e-mails and maintenance windows use it."),
                        FormField.of("fuel_type", "Fuel", SELECT).mandatory().initial("natural_gas")
                                .choices(Choice.of("natural_gas", "light_fuel_oil", "heavy_fuel_oil", "lpg", "biomass", "coal", "other")),
                        FormField.of("notification_emails", "Alert e-mails", EMAILS)
                                .help("One address per line: who gets the site's alert e-mails (at most 20)."),
                        FormField.of("escalation_emails", "Escalation e-mails", EMAILS)
                                .help("One address per line: told when a critical or high alert stays unacknowledged for 30 min.")),
                Map.of(), List.of(), true, null, "Delete", true,
                "Only an admin of all sites creates sites. A site with sensors, gateways or logged batches is deleted only when you say so.",
                row -> row.path("name").asString(row.path("site_id").asString("")));
    }

    private static ManagedResource sensors() {
        return new ManagedResource("sensors", "sensor", "sensors", true, "/api/v1/sites/{site}/sensors", "sensor_id",
                List.of(Column.text("sensor_id", "Sensor id"), Column.text("name", "Name"), Column.text("sensor_type", "Type"),
                        Column.text("unit", "Unit"), Column.text("min_valid", "Valid from"), Column.text("max_valid", "Valid to"),
                        Column.text("expected_interval_s", "Every (s)")),
                List.of(FormField.of("sensor_id", "Sensor id", TEXT).mandatory().identifying()
                                .help("Lower-case letters, digits and hyphens, e.g. b1-steam-pressure; gateways send it."),
                        FormField.of("name", "Name", TEXT).help("Optional, e.g. Boiler 1 steam pressure."),
                        FormField.of("sensor_type", "Type", TEXT).mandatory()
                                .choices(Choice.of("steam_pressure", "steam_temperature", "drum_water_level",
                                        "feedwater_temperature", "flue_gas_temperature", "flue_gas_o2", "flue_gas_co",
                                        "conductivity", "steam_flow", "feedwater_flow", "fuel_flow", "ambient_temperature",
                                        "burner_state", "lockout"))
                                .help("Lower-case snake_case, e.g. steam_pressure (docs/DOMAIN.md lists the usual ones)."),
                        FormField.of("unit", "Unit", TEXT).mandatory().help("As the gateway sends it, e.g. bar, °C, kg/h."),
                        FormField.of("min_valid", "Valid from", NUMBER).mandatory()
                                .help("Readings below this are physically impossible and refused."),
                        FormField.of("max_valid", "Valid to", NUMBER).mandatory().help("Must be above the lower bound."),
                        FormField.of("expected_interval_s", "Expected every (s)", INTEGER).initial("60")
                                .help("1 to 86400 seconds; a sensor is stale after 3 × this (at least 5 min).")),
                Map.of(), List.of(), true, null, "Delete", false, null, row -> row.path("sensor_id").asString(""));
    }

    private static ManagedResource gateways() {
        return new ManagedResource("gateways", "gateway", "gateways", true, "/api/v1/sites/{site}/gateways", "gateway_id",
                List.of(Column.text("name", "Name"), Column.text("token_prefix", "Token starts"),
                        Column.time("created_at", "Registered"), Column.time("revoked_at", "Revoked")),
                List.of(FormField.of("name", "Name", TEXT).mandatory().help("What the gateway is, e.g. gw-boiler-house-1.")),
                Map.of(), List.of(), false, "token", "Revoke", false,
                "A gateway's token is shown once, when it is registered. Revoking a gateway stops ingestion taking its token within 30 s.",
                row -> row.path("name").asString(row.path("gateway").path("name").asString("")));
    }

    private static ManagedResource alertRules() {
        Map<String, List<String>> byKind = new LinkedHashMap<>();
        byKind.put("threshold", List.of("sensor_id", "operator", "limit", "deadband", "delay_s"));
        byKind.put("rate_of_change", List.of("sensor_id", "operator", "limit", "deadband", "delay_s", "window_s"));
        byKind.put("no_data", List.of("sensor_id", "window_s"));
        byKind.put("frozen", List.of("sensor_id", "delay_s", "samples"));
        byKind.put("anomaly", List.of("sensor_id", "delay_s", "detector", "clear_after_s"));
        byKind.put("efficiency_drop", List.of("method", "limit", "floor_pct", "deadband", "delay_s"));
        return new ManagedResource("alert-rules", "alert rule", "alert rules", true, "/api/v1/sites/{site}/alert-rules",
                "rule_id",
                List.of(Column.text("name", "Name"), Column.text("kind", "Kind"), Column.text("sensor_id", "Sensor"),
                        Column.text("operator", "Operator"), Column.text("limit", "Limit"),
                        Column.text("severity", "Severity"), new Column("enabled", "Enabled", Column.Shown.YES_NO)),
                List.of(FormField.of("name", "Name", TEXT).help("Optional, e.g. Steam pressure high."),
                        FormField.of("sensor_id", "Sensor", SENSOR).mandatory(),
                        FormField.of("method", "Efficiency", SELECT).choices(Choice.of("either", "direct", "combustion"))
                                .initial("either").help("Direct (input–output), combustion (Siegert) or either of them."),
                        FormField.of("operator", "Alert when the value is", SELECT).mandatory().choices(Choice.of("above", "below")),
                        FormField.of("limit", "Limit", NUMBER)
                                .help("In the sensor's unit (per hour for a rate of change); for an efficiency drop, the percentage points below the 7-day median."),
                        FormField.of("floor_pct", "Floor (%)", NUMBER)
                                .help("Alert when the efficiency falls below this percentage (give this, a limit, or both)."),
                        FormField.of("deadband", "Deadband", NUMBER)
                                .help("How far back past the limit the value must come to resolve; empty: the default for the sensor's type."),
                        FormField.of("delay_s", "On-delay (s)", INTEGER)
                                .help("How long the condition must hold before the alert opens, 0 to 86400 s; empty: the default."),
                        FormField.of("window_s", "Window (s)", INTEGER)
                                .help("1 to 604800 s: the slope's window (default 600) or how long without data."),
                        FormField.of("samples", "Samples", INTEGER).help("2 to 10000 unchanged readings in a row (default 10)."),
                        FormField.of("detector", "Detector", SELECT).choices(List.of(new Choice("", "any detector"),
                                new Choice("zscore", "z-score"), new Choice("ewma", "EWMA"), new Choice("cusum", "CUSUM"))),
                        FormField.of("clear_after_s", "Clear after (s)", INTEGER)
                                .help("1 to 604800 s without a new anomaly before the alert resolves; empty: 900."),
                        FormField.of("severity", "Severity", SELECT).mandatory().choices(SEVERITIES),
                        FormField.of("enabled", "Enabled", CHECKBOX).initial("true")),
                byKind, List.of("name", "severity", "enabled"), true, null, "Delete", false,
                "Every kind reads its own fields; choose the kind first.",
                row -> row.path("name").asString("").isBlank()
                        ? row.path("kind").asString("") + " " + row.path("sensor_id").asString("")
                        : row.path("name").asString(""));
    }

    private static ManagedResource maintenanceWindows() {
        return new ManagedResource("maintenance-windows", "maintenance window", "maintenance windows", true,
                "/api/v1/sites/{site}/maintenance-windows", "window_id",
                List.of(Column.time("starts_at", "Starts"), Column.time("ends_at", "Ends"), Column.text("reason", "Reason"),
                        Column.text("created_by", "By")),
                List.of(FormField.of("starts_at", "Starts", DATETIME).mandatory(),
                        FormField.of("ends_at", "Ends", DATETIME).mandatory()
                                .help("After the start and at most 30 days later."),
                        FormField.of("reason", "Reason", TEXTAREA).mandatory().help("Why the site's alert e-mails stop (at most 500 characters).")),
                Map.of(), List.of(), true, null, "Delete", false,
                "While a window lasts, alerts are recorded but no e-mail goes out for the site.",
                row -> row.path("reason").asString(""));
    }

    private static ManagedResource users() {
        return new ManagedResource("users", "user", "users", false, "/api/v1/users", "username",
                List.of(Column.text("username", "User"), Column.text("role", "Role"), new Column("site_ids", "Sites", Column.Shown.SCOPE),
                        new Column("enabled", "Enabled", Column.Shown.YES_NO)),
                List.of(FormField.of("username", "User name", TEXT).mandatory().identifying()
                                .help("Lower-case letters, digits, '.', '_' or '-'; at most 64 characters."),
                        FormField.of("password", "Password", PASSWORD).mandatory()
                                .help("12 to 72 characters. When changing a user, leave it empty to keep the password."),
                        FormField.of("role", "Role", SELECT).mandatory().initial("viewer")
                                .choices(List.of(new Choice("viewer", "viewer — reads"),
                                        new Choice("operator", "operator — acknowledges, shelves, plans maintenance"),
                                        new Choice("admin", "admin — manages everything"))),
                        FormField.of("site_ids", "Sites", SCOPE).help("The sites the user sees.")),
                Map.of(), List.of(), true, null, "Delete", false,
                "Dashboard users sign in here; frontend-api checks their role and sites on every request.",
                row -> row.path("username").asString(""));
    }

    private static ManagedResource apiKeys() {
        return new ManagedResource("api-keys", "API key", "API keys", false, "/api/v1/api-keys", "key_id",
                List.of(Column.text("name", "Name"), Column.text("key_prefix", "Key starts"), Column.text("role", "Role"),
                        new Column("site_ids", "Sites", Column.Shown.SCOPE), Column.time("created_at", "Issued"),
                        Column.time("last_used_at", "Last used"), Column.time("revoked_at", "Revoked")),
                List.of(FormField.of("name", "Name", TEXT).mandatory().help("Who or what uses the key, e.g. ERP export."),
                        FormField.of("role", "Role", SELECT).mandatory().initial("reader")
                                .choices(List.of(new Choice("reader", "reader — reads"),
                                        new Choice("operator", "operator — acknowledges, shelves, plans maintenance"),
                                        new Choice("admin", "admin — manages everything"))),
                        FormField.of("site_ids", "Sites", SCOPE).help("The sites the key reaches; at most your own.")),
                Map.of(), List.of(), false, "key", "Revoke", false,
                "A key is shown once, when it is issued; integrators send it as X-API-Key.",
                row -> row.path("name").asString(row.path("details").path("name").asString("")));
    }

    static String describe(ManagedResource resource, JsonNode row) {
        String text = resource.describe().apply(row);
        return text == null || text.isBlank() ? resource.id(row) : text;
    }
}
