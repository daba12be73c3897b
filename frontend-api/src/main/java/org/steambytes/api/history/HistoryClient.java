package org.steambytes.api.history;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.UriBuilder;
import org.steambytes.api.ApiProperties;
import org.steambytes.common.history.History;
import org.steambytes.common.history.HistoryQuery;
import org.steambytes.common.history.SiteHistories;
import org.steambytes.common.problem.FieldProblem;
import org.steambytes.common.problem.ProblemException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * ai-processor's internal history API ({@code AI_PROCESSOR_URL}, Bearer {@code STEAMBYTES_INTERNAL_TOKEN}).
 * Asked through the JDK's {@code HttpURLConnection} (its keep-alive connections reused), not the JDK
 * {@code HttpClient} the other internal clients use: one history request per chart makes this the read
 * path's busiest client, and the asynchronous client's hand-offs between threads cost more CPU per request
 * (docs/PERFORMANCE.md "Read path").
 */
@Component
class HistoryClient {

    private static final Logger log = LoggerFactory.getLogger(HistoryClient.class);

    private final RestClient http;
    private final JsonMapper json;

    /** {@code json} is the application's mapper: the history arrives in the services' snake_case. */
    HistoryClient(ApiProperties properties, JsonMapper json) {
        this.json = json;
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(Duration.ofSeconds(2));
        requests.setReadTimeout(Duration.ofSeconds(30));
        this.http = RestClient.builder()
                .baseUrl(properties.aiProcessorUrl().toString())
                .requestFactory(requests)
                .defaultHeader("Authorization", "Bearer " + properties.internal().token())
                .build();
    }

    History read(HistoryQuery query) {
        byte[] body = readJson(query);
        try {
            return json.readValue(body, History.class);
        } catch (JacksonException e) {
            throw unavailable(query, e);
        }
    }

    /**
     * ai-processor's answer as it came, a {@link History} in the services' JSON: what the API answers too, so
     * it is passed on without being read into objects and written again.
     */
    byte[] readJson(HistoryQuery query) {
        return get(query, uri -> uri.path("/internal/v1/history")
                .queryParam("site_id", "{site}").queryParam("sensor_id", "{sensor}")
                .queryParam("from", query.from()).queryParam("to", query.to())
                .queryParam("interval", query.interval().text())
                .queryParam("aggregate", query.aggregate().wireName())
                .queryParam("tz", "{tz}")
                .build(query.siteId(), query.sensorId(), query.timezone()));
    }

    /**
     * ai-processor's multi-sensor answer (a {@link SiteHistories}: {@code window}'s site, window, interval,
     * aggregate and zone, one {@link History} per sensor in this order) as it came, passed on as it is.
     */
    byte[] readSiteJson(HistoryQuery window, List<String> sensorIds) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("site", window.siteId());
        variables.put("tz", window.timezone());
        return get(window, uri -> {
            uri.path("/internal/v1/histories").queryParam("site_id", "{site}");
            for (int i = 0; i < sensorIds.size(); i++) {
                uri.queryParam("sensor_id", "{s" + i + "}");
                variables.put("s" + i, sensorIds.get(i));
            }
            return uri.queryParam("from", window.from()).queryParam("to", window.to())
                    .queryParam("interval", window.interval().text())
                    .queryParam("aggregate", window.aggregate().wireName())
                    .queryParam("tz", "{tz}")
                    .build(variables);
        });
    }

    private byte[] get(HistoryQuery query, Function<UriBuilder, URI> uri) {
        try {
            byte[] body = http.get().uri(uri).retrieve().body(byte[].class);
            if (body == null || body.length == 0 || body[0] != '{') {
                throw unavailable(query, new IllegalStateException("not a JSON object"));
            }
            return body;
        } catch (HttpClientErrorException.UnprocessableContent e) {
            throw refusedByAiProcessor(query, e);
        } catch (RestClientException e) {
            throw unavailable(query, e);
        }
    }

    private static ProblemException unavailable(HistoryQuery query, Exception cause) {
        log.warn("History of {}/{} not readable from ai-processor: {}", query.siteId(),
                query.sensorId() == null ? "(several sensors)" : query.sensorId(), cause.toString());
        return ProblemException.of(HttpStatus.SERVICE_UNAVAILABLE, "history_unavailable",
                "The readings history cannot be read right now (ai-processor or InfluxDB unreachable). Retry shortly.")
                .withHeader("Retry-After", "10");
    }

    /**
     * Both sides parse with {@link HistoryQuery}, so ai-processor refuses only what its own check of the
     * actual rows finds (more points than the estimate allowed): its code, detail and field errors are
     * passed on as they are, without its internal path.
     */
    private ProblemException refusedByAiProcessor(HistoryQuery query, HttpClientErrorException refusal) {
        try {
            JsonNode problem = json.readTree(refusal.getResponseBodyAsString());
            List<FieldProblem> errors = new ArrayList<>();
            problem.path("errors").forEach(error -> errors.add(json.treeToValue(error, FieldProblem.class)));
            return ProblemException.of(HttpStatus.UNPROCESSABLE_CONTENT, problem.path("code").asString("validation_failed"),
                    problem.path("detail").asString("The history request was refused.")).withErrors(errors);
        } catch (JacksonException notAProblem) {
            return unavailable(query, refusal);
        }
    }
}
