package org.steambytes.analytics.config.web;

import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.steambytes.analytics.config.AnalyticsConfigs;
import tools.jackson.databind.JsonNode;

/**
 * A site's analytics settings for frontend-api, which forwards its admins' reads and changes here
 * (internal token only; the site scope is frontend-api's business).
 */
@RestController
class AnalyticsConfigController {

    private static final String PATH = "/internal/v1/sites/{siteId}/analytics-config";

    private final AnalyticsConfigs configs;

    AnalyticsConfigController(AnalyticsConfigs configs) {
        this.configs = configs;
    }

    @GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> get(@PathVariable String siteId) {
        return configs.of(siteId);
    }

    /** Only the fields given change; an explicit null clears a nullable one. */
    @PutMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> put(@PathVariable String siteId, @RequestBody JsonNode body) {
        return configs.change(siteId, body);
    }
}
