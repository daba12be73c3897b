package org.steambytes.dashboard.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A submitted form as frontend-api's JSON: the types, the left-out fields, the site's zone. */
class JsonBodiesTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final ManagedResources resources = new ManagedResources();

    @Test
    void writesNumbersAsNumbersAndLeavesOutEmptyOptionalFields() {
        ManagedResource sensors = resources.find("sensors", true).orElseThrow();
        JsonNode body = body(sensors, null, Map.of("sensor_id", List.of(" b1-o2 "), "name", List.of(""),
                "sensor_type", List.of("flue_gas_o2"), "unit", List.of("%"), "min_valid", List.of("-1.50"),
                "max_valid", List.of("21"), "expected_interval_s", List.of("")), true);
        assertThat(body.toString()).isEqualTo("{\"sensor_id\":\"b1-o2\",\"sensor_type\":\"flue_gas_o2\",\"unit\":\"%\","
                + "\"min_valid\":-1.50,\"max_valid\":21}");

        // On edit the id is the path's, emptied text is sent empty (to clear it, or for frontend-api to refuse),
        // a decimal whole number and text in a number field go as typed.
        JsonNode edit = body(sensors, null, Map.of("sensor_id", List.of("b1-o2"), "name", List.of(""),
                "expected_interval_s", List.of("1.5"), "max_valid", List.of("lots")), false);
        assertThat(edit.toString()).isEqualTo("{\"name\":\"\",\"sensor_type\":\"\",\"unit\":\"\",\"max_valid\":\"lots\","
                + "\"expected_interval_s\":1.5}");
    }

    @Test
    void writesLocalTimesOfTheSitesZoneAsInstants() {
        ManagedResource windows = resources.find("maintenance-windows", true).orElseThrow();
        JsonNode body = body(windows, "Europe/Berlin", Map.of("starts_at", List.of("2030-07-01T06:00"),
                "ends_at", List.of("2030-12-01T06:00"), "reason", List.of(" burner service ")), true);
        assertThat(body.path("starts_at").asString()).isEqualTo("2030-07-01T04:00:00Z"); // summer time, +2
        assertThat(body.path("ends_at").asString()).isEqualTo("2030-12-01T05:00:00Z");   // winter time, +1
        assertThat(body.path("reason").asString()).isEqualTo(" burner service ");
    }

    @Test
    void sendsOnlyTheChosenKindsFieldsAndFlagsAsBooleans() {
        ManagedResource rules = resources.find("alert-rules", true).orElseThrow();
        JsonNode body = body(rules, null, Map.of("kind", List.of("no_data"), "sensor_id", List.of("b1-o2"),
                "window_s", List.of("900"), "limit", List.of("12"), "severity", List.of("low")), true);
        assertThat(body.toString()).isEqualTo("{\"kind\":\"no_data\",\"sensor_id\":\"b1-o2\",\"window_s\":900,"
                + "\"severity\":\"low\",\"enabled\":false}");
        assertThat(body(rules, null, Map.of("kind", List.of("nonsense")), true).path("kind").asString()).isEqualTo("threshold");
    }

    @Test
    void statesAScopeAndListsAddresses() {
        ManagedResource users = resources.find("users", false).orElseThrow();
        assertThat(body(users, null, Map.of("all_sites", List.of("true"), "site_ids", List.of("plant-a")), true)
                .toString()).isEqualTo("{\"all_sites\":true}");
        assertThat(body(users, null, Map.of("site_ids", List.of("plant-a", "plant-b")), true).path("site_ids").toString())
                .isEqualTo("[\"plant-a\",\"plant-b\"]");
        assertThat(body(users, null, Map.of(), true).has("site_ids")).isFalse();   // a new user's scope is never implied
        assertThat(body(users, null, Map.of(), false).path("site_ids").toString()).isEqualTo("[]"); // a changed one may lose all
        ManagedResource sites = resources.find("sites", false).orElseThrow();
        assertThat(body(sites, null, Map.of("notification_emails", List.of("a@example.com\r\nb@example.com, c@example.com")), true)
                .path("notification_emails").toString()).isEqualTo("[\"a@example.com\",\"b@example.com\",\"c@example.com\"]");
    }

    @Test
    void namesTheFormFieldOfAnApiError() {
        List<FormField> fields = resources.find("users", false).orElseThrow().fields();
        assertThat(FormViews.formField("site_ids[1]", fields)).isEqualTo("site_ids");
        assertThat(FormViews.formField("all_sites", fields)).isEqualTo("site_ids");
        assertThat(FormViews.formField("password", fields)).isEqualTo("password");
        assertThat(FormViews.formField("kind", fields)).isNull();
    }

    private JsonNode body(ManagedResource resource, String zone, Map<String, List<String>> form, boolean creating) {
        FormValues values = new FormValues(form);
        return JsonBodies.of(resource, resource.fieldsFor(values.first("kind")), values, creating,
                ZoneId.of(zone == null ? "UTC" : zone), JSON);
    }
}
