package org.steambytes.dashboard.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.steambytes.dashboard.admin.FormField.Choice;
import org.steambytes.dashboard.api.FrontendApi;
import org.steambytes.dashboard.api.Sensor;
import tools.jackson.databind.JsonNode;

/**
 * The admin pages' calls to frontend-api, as the signed-in admin, for any {@link ManagedResource}: its
 * collection is {@code collectionPath} (with the site), an item that plus {@code /{id}}. Refusals come as
 * {@code ApiCallFailed}, untouched.
 */
@Component
class AdminApi {

    private static final int PAGE = 500;

    private final FrontendApi api;

    AdminApi(FrontendApi api) {
        this.api = api;
    }

    List<JsonNode> list(String user, ManagedResource resource, String siteId) {
        JsonNode page = api.call(user, HttpMethod.GET, resource.collectionPath() + "?size=" + PAGE, null, site(resource, siteId));
        List<JsonNode> rows = new ArrayList<>();
        page.path("content").forEach(rows::add);
        return rows;
    }

    /** One item: read directly, or found in the list for what frontend-api only lists (gateways, keys). */
    Optional<JsonNode> find(String user, ManagedResource resource, String siteId, String id) {
        if (!resource.editable()) {
            return list(user, resource, siteId).stream().filter(row -> resource.id(row).equals(id)).findFirst();
        }
        return Optional.of(api.call(user, HttpMethod.GET, item(resource), null, variables(resource, siteId, id)));
    }

    JsonNode create(String user, ManagedResource resource, String siteId, JsonNode body) {
        return api.call(user, HttpMethod.POST, resource.collectionPath(), body, site(resource, siteId));
    }

    JsonNode update(String user, ManagedResource resource, String siteId, String id, JsonNode body) {
        return api.call(user, HttpMethod.PUT, item(resource), body, variables(resource, siteId, id));
    }

    void remove(String user, ManagedResource resource, String siteId, String id, boolean force) {
        api.call(user, HttpMethod.DELETE, item(resource) + (force ? "?force=true" : ""), null,
                variables(resource, siteId, id));
    }

    /** The site's sensors, for a rule's sensor. */
    List<Choice> sensors(String user, String siteId) {
        return api.sensors(user, siteId).stream()
                .map(sensor -> new Choice(sensor.sensorId(), label(sensor))).toList();
    }

    /** The sites the admin sees, for a user's or key's scope. */
    List<Choice> sites(String user) {
        List<Choice> sites = new ArrayList<>();
        api.call(user, HttpMethod.GET, "/api/v1/sites?size=" + PAGE, null).path("content").forEach(site -> sites.add(
                new Choice(site.path("site_id").asString(), site.path("name").asString() + " (" + site.path("site_id").asString() + ")")));
        return sites;
    }

    private static String label(Sensor sensor) {
        return sensor.sensorId() + " (" + sensor.sensorType() + ", " + sensor.unit() + ")";
    }

    private static String item(ManagedResource resource) {
        return resource.collectionPath() + "/{id}";
    }

    private static Object[] site(ManagedResource resource, String siteId) {
        return resource.siteScoped() ? new Object[] {siteId} : new Object[0];
    }

    private static Object[] variables(ManagedResource resource, String siteId, String id) {
        return resource.siteScoped() ? new Object[] {siteId, id} : new Object[] {id};
    }
}
