package org.steambytes.api.analytics;

import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Service;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.steambytes.api.ApiProperties;
import org.steambytes.api.audit.AuditAction;
import org.steambytes.api.audit.AuditLog;
import org.steambytes.api.audit.AuditedResource;
import org.steambytes.api.caller.ApiCaller;
import org.steambytes.api.site.Sites;
import org.steambytes.api.neighbour.NeighbourProblems;
import org.steambytes.common.problem.ProblemException;
import org.steambytes.common.security.InternalRestClients;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A site's analytics settings, which ai-processor owns ({@code analytics_configs}): read and changed
 * through its internal API, which checks every field; its refusals (422 naming the field) reach the
 * caller as they are. ai-processor unreachable: 503, never a 500.
 */
@Service
public class AnalyticsSettings {

    private static final Logger log = LoggerFactory.getLogger(AnalyticsSettings.class);
    private static final String PATH = "/internal/v1/sites/{site}/analytics-config";

    private final Sites sites;
    private final RestClient aiProcessor;
    private final JsonMapper json;
    private final AuditLog audit;

    AnalyticsSettings(Sites sites, ApiProperties properties, JsonMapper json, AuditLog audit) {
        this.sites = sites;
        this.json = json;
        this.audit = audit;
        this.aiProcessor = InternalRestClients.to(properties.aiProcessorUrl(), properties.internal(), Duration.ofSeconds(10));
    }

    /** The settings as JSON (the defaults for a site that never had any). */
    public String get(ApiCaller caller, String siteId) {
        sites.requireVisible(caller, siteId);
        return call(siteId, false, () -> aiProcessor.get().uri(PATH, siteId).retrieve().body(String.class));
    }

    /** Changes the fields {@code body} gives, keeps the others; answers the settings as stored. */
    public String change(ApiCaller caller, String siteId, JsonNode body) {
        sites.requireVisible(caller, siteId);
        String request = json.writeValueAsString(body);
        String before = call(siteId, false, () -> aiProcessor.get().uri(PATH, siteId).retrieve().body(String.class));
        String after = call(siteId, true, () -> aiProcessor.put().uri(PATH, siteId).contentType(MediaType.APPLICATION_JSON)
                .body(request).retrieve().body(String.class));
        audit.recordForwarded(caller, AuditAction.UPDATE, AuditedResource.ANALYTICS_SETTINGS, siteId, siteId,
                tree(before), tree(after));
        return after;
    }

    /** ai-processor's answer as a tree for the audit log; null (recorded without it) if it is no JSON. */
    private JsonNode tree(String document) {
        try {
            return json.readTree(document);
        } catch (tools.jackson.core.JacksonException notJson) {
            return null;
        }
    }

    private String call(String siteId, boolean write, Supplier<String> exchange) {
        try {
            return exchange.get();
        } catch (HttpClientErrorException e) {
            if (e.getStatusCode().value() == 401 || e.getStatusCode().value() == 403) {
                // Not the caller's doing: the services disagree on the internal token.
                log.error("ai-processor refused frontend-api's internal token ({}); check STEAMBYTES_INTERNAL_TOKEN",
                        e.getStatusCode());
                throw unavailable(write);
            }
            throw NeighbourProblems.relay(e, json).orElseGet(() -> {
                log.warn("ai-processor answered the analytics settings of {} with {} and no problem", siteId, e.getStatusCode());
                return unavailable(write);
            });
        } catch (RestClientException e) {
            log.warn("Analytics settings of {} not reachable at ai-processor: {}", siteId, e.toString());
            throw unavailable(write);
        }
    }

    private static ProblemException unavailable(boolean write) {
        return ProblemException.of(HttpStatus.SERVICE_UNAVAILABLE, "analytics_unavailable", write
                ? "The analytics settings cannot be changed right now (ai-processor unreachable or not answering);"
                        + " the change may or may not have been stored. Retrying is safe. Retry shortly."
                : "The analytics settings cannot be read right now (ai-processor unreachable). Retry shortly.")
                .withHeader("Retry-After", "10");
    }
}
