package org.steambytes.api.analytics;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.steambytes.api.ApiProperties;
import org.steambytes.api.caller.ApiCaller;
import org.steambytes.api.site.Sites;
import org.steambytes.common.problem.ProblemException;
import org.steambytes.common.redis.RedisKeys;
import org.steambytes.common.security.InternalRestClients;
import tools.jackson.databind.json.JsonMapper;

/**
 * A site's latest analytics result set, as ai-processor computed it: read from its own cache key
 * ({@code ai_processor:analytics:{<site_id>}}), or — cold cache — from ai-processor, which rebuilds it
 * from PostgreSQL. Never held in this service's response cache: ai-processor writes it.
 */
@Service
public class SiteAnalytics {

    private static final Logger log = LoggerFactory.getLogger(SiteAnalytics.class);

    /** The answer for a visible site that has not been analysed yet. */
    record NotYet(String siteId, Object computedAt, Object window, Object stale, Object efficiency, Object[] sensors,
            Object[] anomalies) {
    }

    private final Sites sites;
    private final StringRedisTemplate redis;
    private final RestClient aiProcessor;
    private final JsonMapper json;

    SiteAnalytics(Sites sites, StringRedisTemplate redis, ApiProperties properties, JsonMapper json) {
        this.sites = sites;
        this.redis = redis;
        this.json = json;
        this.aiProcessor = InternalRestClients.to(properties.aiProcessorUrl(), properties.internal(), Duration.ofSeconds(10));
    }

    /** The result set as JSON (404 for a site outside the caller's scope, as everywhere). */
    public String latest(ApiCaller caller, String siteId) {
        sites.requireVisible(caller, siteId);
        try {
            String cached = redis.opsForValue().get(RedisKeys.analytics(siteId));
            if (cached != null) {
                return cached;
            }
        } catch (RuntimeException e) {
            log.debug("Analytics cache unreadable ({}); asking ai-processor", e.getMessage());
        }
        try {
            return aiProcessor.get().uri("/internal/v1/analytics/{site}", siteId).retrieve().body(String.class);
        } catch (HttpClientErrorException.NotFound e) {
            return json.writeValueAsString(new NotYet(siteId, null, null, null, null, new Object[0], new Object[0]));
        } catch (RestClientException e) {
            log.warn("Analytics of {} not readable from ai-processor: {}", siteId, e.toString());
            throw ProblemException.of(HttpStatus.SERVICE_UNAVAILABLE, "analytics_unavailable",
                    "The analytics results cannot be read right now (ai-processor unreachable). Retry shortly.")
                    .withHeader("Retry-After", "10");
        }
    }
}
