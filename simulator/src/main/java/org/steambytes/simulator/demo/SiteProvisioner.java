package org.steambytes.simulator.demo;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.steambytes.simulator.client.ApiResponse;
import org.steambytes.simulator.client.Json;
import org.steambytes.simulator.client.ProvisioningClient;
import org.steambytes.simulator.log.Log;
import org.steambytes.simulator.signal.BoilerSensor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Makes a site, its sensors and its simulator gateway exist through frontend-api (docs/API.md
 * "Integrators"), creating only what is missing, so running it again changes nothing.
 */
public final class SiteProvisioner {

    private final ProvisioningClient api;

    public SiteProvisioner(ProvisioningClient api) {
        this.api = api;
    }

    /** The site, created unless it exists; true when it was created now. */
    public boolean ensureSite(SiteSpec spec) {
        ApiResponse existing = api.get("/sites/" + spec.siteId());
        if (existing.ok()) {
            return false;
        }
        if (existing.status() != 404) {
            api.expect(existing, "reading site " + spec.siteId());
        }
        ObjectNode site = Json.object().put("site_id", spec.siteId()).put("name", spec.name())
                .put("timezone", spec.timezone()).put("fuel_type", spec.fuelType());
        spec.notificationEmails().forEach(site.putArray("notification_emails")::add);
        api.expect(api.post("/sites", site), "creating site " + spec.siteId());
        Log.info("created site " + spec.siteId() + " (" + spec.timezone() + ")");
        return true;
    }

    /** Every sensor, created unless the site has it (expected every {@code intervalSeconds}); how many were created. */
    public int ensureSensors(String siteId, String prefix, List<BoilerSensor> sensors, int intervalSeconds) {
        Set<String> present = new HashSet<>();
        for (JsonNode sensor : api.expect(api.get("/sites/" + siteId + "/sensors?size=500"), "listing sensors")
                .path("content")) {
            present.add(Json.text(sensor, "sensor_id"));
        }
        int created = 0;
        for (BoilerSensor sensor : sensors) {
            String sensorId = sensor.sensorId(prefix);
            if (present.contains(sensorId)) {
                continue;
            }
            ObjectNode body = Json.object().put("sensor_id", sensorId).put("sensor_type", sensor.sensorType())
                    .put("unit", sensor.unit()).put("min_valid", sensor.minValid()).put("max_valid", sensor.maxValid())
                    .put("expected_interval_s", intervalSeconds).put("name", sensor.name());
            api.expect(api.post("/sites/" + siteId + "/sensors", body), "creating sensor " + sensorId);
            created++;
        }
        if (created > 0) {
            Log.info("created " + created + " sensors at " + siteId);
        }
        return created;
    }

    /**
     * The simulator's gateway token: the one kept in {@code tokenFile} unless the site is new (then the
     * file is from another deployment) or the file is gone, in which case a new gateway is registered.
     */
    public String ensureGateway(String siteId, String gatewayName, Path tokenFile, boolean siteIsNew) {
        if (!siteIsNew) {
            var kept = SecretFiles.read(tokenFile);
            if (kept.isPresent()) {
                return kept.get();
            }
        }
        return renewGateway(siteId, gatewayName, tokenFile);
    }

    /**
     * Revokes the site's active gateways called {@code gatewayName} (their tokens are lost) and
     * registers a new one, keeping its token — shown only once (docs/API.md) — in {@code tokenFile}.
     */
    public String renewGateway(String siteId, String gatewayName, Path tokenFile) {
        for (JsonNode gateway : api.expect(api.get("/sites/" + siteId + "/gateways?size=500"), "listing gateways")
                .path("content")) {
            boolean active = gateway.path("revoked_at").isNull() || gateway.path("revoked_at").isMissingNode();
            if (active && gatewayName.equals(Json.text(gateway, "name"))) {
                api.expect(api.delete("/sites/" + siteId + "/gateways/" + Json.text(gateway, "gateway_id")),
                        "revoking the lost gateway " + Json.text(gateway, "gateway_id"));
            }
        }
        JsonNode registered = api.expect(api.post("/sites/" + siteId + "/gateways",
                Json.object().put("name", gatewayName)), "registering gateway " + gatewayName);
        String token = Json.text(registered, "token");
        SecretFiles.write(tokenFile, token);
        Log.info("registered gateway " + gatewayName + " at " + siteId + "; its token is kept in " + tokenFile);
        return token;
    }
}
