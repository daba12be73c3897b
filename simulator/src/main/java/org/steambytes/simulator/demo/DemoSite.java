package org.steambytes.simulator.demo;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.steambytes.simulator.client.ApiResponse;
import org.steambytes.simulator.client.Json;
import org.steambytes.simulator.client.ProvisioningClient;
import org.steambytes.simulator.client.ProvisioningException;
import org.steambytes.simulator.log.Log;
import org.steambytes.simulator.signal.BoilerDesign;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The demo boiler house: one gas-fired shell boiler in Berlin with the usual sensors, and the alert
 * rules an operator would set for it (docs/DOMAIN.md "Sensor types", suggested alarm defaults; docs/API.md
 * "Alert rules"). Rules are told apart by their name, so an existing one is never created again.
 */
public final class DemoSite {

    public static final String SITE_ID = "demo-boiler-house";
    public static final String SENSOR_PREFIX = "b1";
    public static final String GATEWAY_NAME = "demo-simulator";
    public static final String OPERATOR = "operator";
    public static final String ON_CALL = "on-call@demo.steambytes.local";
    public static final SiteSpec SITE = new SiteSpec(SITE_ID, "Demo boiler house", "Europe/Berlin", "natural_gas",
            List.of(ON_CALL));

    private DemoSite() {
    }

    /** The rules of the demo site; each has a unique {@code name}. */
    public static List<ObjectNode> rules() {
        List<ObjectNode> rules = new ArrayList<>();
        // Setpoint 10 bar(g) + 10 % (docs/DOMAIN.md "Sensor types", steam_pressure).
        rules.add(threshold("steam-pressure", "above", 11.0, "high", "Steam pressure high"));
        // The load's usual value + 20–30 K: a fouling drift crosses it at high load.
        rules.add(threshold("flue-gas-temp", "above", 225.0, "medium", "Flue gas temperature high (fouling)"));
        rules.add(threshold("o2", "below", 1.0, "high", "O2 low: incomplete combustion"));
        rules.add(threshold("o2", "above", 5.0, "low", "O2 high: excess air wastes fuel"));
        rules.add(threshold("co", "above", 100.0, "medium", "CO high"));
        for (String sensor : List.of("feedwater-temp", "drum-level", "conductivity")) {
            rules.add(rule("frozen", sensor, "medium", "Transmitter frozen: " + sensor).put("samples", 10));
        }
        rules.add(rule("anomaly", "o2", "medium", "O2 anomaly"));
        rules.add(rule("anomaly", "flue-gas-temp", "low", "Flue gas temperature anomaly"));
        rules.add(rule("no_data", "steam-pressure", "high", "No steam pressure readings").put("window_s", 300));
        rules.add(Json.object().put("kind", "efficiency_drop").put("limit", 1.5).put("floor_pct", 80.0)
                .put("method", "either").put("delay_s", 600).put("severity", "medium")
                .put("name", "Efficiency dropped below its 7-day median"));
        return rules;
    }

    /** Creates the rules the site does not have by name yet; how many were created. */
    public static int ensureRules(ProvisioningClient api, String siteId) {
        Set<String> names = new HashSet<>();
        for (JsonNode rule : api.expect(api.get("/sites/" + siteId + "/alert-rules?size=500"), "listing alert rules")
                .path("content")) {
            names.add(Json.text(rule, "name"));
        }
        int created = 0;
        for (ObjectNode rule : rules()) {
            if (names.add(Json.text(rule, "name"))) {
                api.expect(api.post("/sites/" + siteId + "/alert-rules", rule), "creating rule " + Json.text(rule, "name"));
                created++;
            }
        }
        if (created > 0) {
            Log.info("created " + created + " alert rules at " + siteId);
        }
        return created;
    }

    /**
     * The site's calorific value, so ai-processor computes the direct efficiency (docs/API.md "Analytics",
     * analytics-config). ai-processor may not be up yet: then the demo goes on and says so.
     */
    public static boolean ensureAnalyticsConfig(ProvisioningClient api, String siteId, BoilerDesign design) {
        try {
            ApiResponse current = api.get("/sites/" + siteId + "/analytics-config");
            if (current.ok() && current.body().path("calorific_value_mj").isNumber()) {
                return true;
            }
            api.expect(api.put("/sites/" + siteId + "/analytics-config",
                    Json.object().put("calorific_value_mj", design.calorificValueMj()).put("enabled", true)),
                    "setting the analytics config");
            Log.info("set the calorific value of " + siteId + " to " + design.calorificValueMj() + " MJ/Nm³ (net)");
            return true;
        } catch (ProvisioningException e) {
            Log.warn(e.getMessage() + " — the direct efficiency stays 'not computed' until it is set");
            return false;
        }
    }

    private static ObjectNode threshold(String sensor, String operator, double limit, String severity, String name) {
        return rule("threshold", sensor, severity, name).put("operator", operator).put("limit", limit);
    }

    private static ObjectNode rule(String kind, String sensor, String severity, String name) {
        return Json.object().put("kind", kind).put("sensor_id", SENSOR_PREFIX + "-" + sensor).put("severity", severity)
                .put("name", name);
    }
}
