package org.steambytes.dashboard.api;

import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilder;
import org.steambytes.dashboard.DashboardProperties;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * frontend-api, called as a user: each call carries {@code Authorization: Bearer <the user's token>}
 * and frontend-api answers within that user's role and sites. Errors become {@link ApiCallFailed}.
 */
@Component
public class FrontendApi {

    private static final int MAX_PAGE = 500;

    private final RestClient http;
    private final UserTokenCache tokens;
    private final JsonMapper json;

    FrontendApi(RestClient.Builder builder, DashboardProperties properties, UserTokenCache tokens, JsonMapper json) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build());
        requests.setReadTimeout(Duration.ofSeconds(10));
        this.http = builder.clone().baseUrl(properties.frontendApiUrl().toString()).requestFactory(requests).build();
        this.tokens = tokens;
        this.json = json;
    }

    public List<SiteSummary> siteSummaries(String user) {
        return get(user, "/api/v1/site-summaries", new ParameterizedTypeReference<List<SiteSummary>>() { });
    }

    public Site site(String user, String siteId) {
        return get(user, uri -> uri.path("/api/v1/sites/{site}").build(siteId), new ParameterizedTypeReference<Site>() { });
    }

    /** Whether the user may see the site now (its scope or the user may have changed since sign-in). */
    public boolean canSee(String user, String siteId) {
        try {
            site(user, siteId);
            return true;
        } catch (ApiCallFailed e) {
            if (e.notFound() || e.unauthenticated() || e.status() == 403) {
                return false;
            }
            throw e;
        }
    }

    public List<Sensor> sensors(String user, String siteId) {
        return get(user, uri -> uri.path("/api/v1/sites/{site}/sensors").queryParam("size", MAX_PAGE).build(siteId),
                new ParameterizedTypeReference<Paged<Sensor>>() { }).content();
    }

    public List<LatestReading> latest(String user, String siteId) {
        record SiteLatest(List<LatestReading> readings) {
        }
        return get(user, uri -> uri.path("/api/v1/sites/{site}/latest").build(siteId),
                new ParameterizedTypeReference<SiteLatest>() { }).readings();
    }

    public List<AlertRule> alertRules(String user, String siteId) {
        return get(user, uri -> uri.path("/api/v1/sites/{site}/alert-rules").queryParam("size", MAX_PAGE).build(siteId),
                new ParameterizedTypeReference<Paged<AlertRule>>() { }).content();
    }

    /** The site's open and acknowledged alerts, newest first within each state. */
    public List<Alert> activeAlerts(String user, String siteId) {
        List<Alert> active = new ArrayList<>();
        for (String state : List.of("open", "acknowledged")) {
            active.addAll(get(user, uri -> uri.path("/api/v1/alerts").queryParam("site_id", siteId)
                    .queryParam("state", state).queryParam("size", 100).build(),
                    new ParameterizedTypeReference<Paged<Alert>>() { }).content());
        }
        return active;
    }

    /**
     * One page of the user's alerts, newest first: {@code states} empty means any state, one state is
     * asked as such, several are merged from one list per state (their first {@code (page + 1) * size}
     * each, at most 500), since frontend-api filters by a single state.
     */
    public AlertPage alerts(String user, String siteId, List<String> states, List<String> severities, int page, int size) {
        if (states.size() <= 1) {
            Paged<Alert> one = alertList(user, siteId, states.isEmpty() ? null : states.get(0), severities, page, size);
            return new AlertPage(one.content(), one.hasNext());
        }
        int wanted = Math.min(MAX_PAGE, (page + 1) * size + 1);
        List<Alert> merged = new ArrayList<>();
        for (String state : states) {
            merged.addAll(alertList(user, siteId, state, severities, 0, wanted).content());
        }
        merged.sort(java.util.Comparator.comparing(Alert::openedAt, java.util.Comparator.reverseOrder())
                .thenComparing(alert -> alert.alertId().toString()));
        int from = Math.min(merged.size(), page * size);
        int to = Math.min(merged.size(), from + size);
        return new AlertPage(List.copyOf(merged.subList(from, to)), merged.size() > to && to < wanted);
    }

    private Paged<Alert> alertList(String user, String siteId, String state, List<String> severities, int page, int size) {
        return get(user, uri -> {
            uri.path("/api/v1/alerts").queryParam("page", page).queryParam("size", size);
            if (siteId != null) {
                uri.queryParam("site_id", siteId);
            }
            if (state != null) {
                uri.queryParam("state", state);
            }
            if (!severities.isEmpty()) {
                uri.queryParam("severity", String.join(",", severities));
            }
            return uri.build();
        }, new ParameterizedTypeReference<Paged<Alert>>() { });
    }

    /** The alert; 404 (as {@link ApiCallFailed}) for one of a site outside the user's scope. */
    public Alert alert(String user, UUID alertId) {
        return get(user, uri -> uri.path("/api/v1/alerts/{alert}").build(alertId), new ParameterizedTypeReference<Alert>() { });
    }

    public AlertTimeline alertEvents(String user, UUID alertId) {
        return get(user, uri -> uri.path("/api/v1/alerts/{alert}/events").build(alertId),
                new ParameterizedTypeReference<AlertTimeline>() { });
    }

    public Analytics analytics(String user, String siteId) {
        return get(user, uri -> uri.path("/api/v1/sites/{site}/analytics").build(siteId),
                new ParameterizedTypeReference<Analytics>() { });
    }

    /**
     * A sensor's buckets from {@code from} to {@code to}, or to now when {@code to} is null: an open
     * window, which frontend-api never response-caches (docs/API.md, history parameters) — a preset
     * ending "now" is never asked again, so caching it would only fill Redis.
     */
    public History history(String user, String siteId, String sensorId, Instant from, Instant to, String interval,
            String aggregate) {
        return get(user, uri -> {
            uri.path("/api/v1/sites/{site}/sensors/{sensor}/readings").queryParam("from", from.toString())
                    .queryParam("interval", interval).queryParam("aggregate", aggregate);
            if (to != null) {
                uri.queryParam("to", to.toString());
            }
            return uri.build(siteId, sensorId);
        }, new ParameterizedTypeReference<History>() { });
    }

    /**
     * Several sensors' buckets over one window in one request (a site page's charts), in the order of
     * {@code sensorIds} (at most 100); {@code to} as in {@link #history}.
     */
    public SiteHistories histories(String user, String siteId, List<String> sensorIds, Instant from, Instant to,
            String interval, String aggregate) {
        return get(user, uri -> {
            uri.path("/api/v1/sites/{site}/readings").queryParam("from", from.toString())
                    .queryParam("interval", interval).queryParam("aggregate", aggregate);
            if (to != null) {
                uri.queryParam("to", to.toString());
            }
            Map<String, Object> variables = new java.util.HashMap<>();
            variables.put("site", siteId);
            for (int i = 0; i < sensorIds.size(); i++) {
                uri.queryParam("sensor_id", "{s" + i + "}");
                variables.put("s" + i, sensorIds.get(i));
            }
            return uri.build(variables);
        }, new ParameterizedTypeReference<SiteHistories>() { });
    }

    public Alert acknowledge(String user, UUID alertId, String note) {
        return post(user, "/api/v1/alerts/{alert}/acknowledge", alertId, note == null ? Map.of() : Map.of("note", note));
    }

    public Alert shelve(String user, UUID alertId, Instant until, String reason) {
        return post(user, "/api/v1/alerts/{alert}/shelve", alertId, Map.of("until", until.toString(), "reason", reason));
    }

    /** Ends the alert's shelving now ({@code DELETE /api/v1/alerts/{alert_id}/shelve}); 409 when it is not shelved. */
    public Alert unshelve(String user, UUID alertId) {
        try {
            return http.delete().uri("/api/v1/alerts/{alert}/shelve", alertId)
                    .header("Authorization", "Bearer " + tokens.tokenFor(user))
                    .retrieve().onStatus(HttpStatusCode::isError, (request, response) -> {
                        throw failure(response);
                    }).body(Alert.class);
        } catch (ResourceAccessException e) {
            throw ApiCallFailed.unreachable(e.getMostSpecificCause().getClass().getSimpleName());
        }
    }

    /**
     * Any call as the user, for pages that manage frontend-api's resources generically: {@code method} on
     * {@code path} (a URI template, its variables encoded), {@code body} sent as JSON when not null.
     * Answers the response's JSON, a missing node when it has none (204); errors as {@link ApiCallFailed}.
     */
    public JsonNode call(String user, HttpMethod method, String path, JsonNode body, Object... variables) {
        try {
            RestClient.RequestBodySpec request = http.method(method).uri(path, variables)
                    .header("Authorization", "Bearer " + tokens.tokenFor(user));
            if (body != null) {
                request.contentType(org.springframework.http.MediaType.APPLICATION_JSON).body(json.writeValueAsString(body));
            }
            String answer = request.retrieve().onStatus(HttpStatusCode::isError, (req, response) -> {
                throw failure(response);
            }).body(String.class);
            return answer == null || answer.isBlank() ? json.missingNode() : json.readTree(answer);
        } catch (ResourceAccessException e) {
            throw ApiCallFailed.unreachable(e.getMostSpecificCause().getClass().getSimpleName());
        }
    }

    private <T> T get(String user, String path, ParameterizedTypeReference<T> type) {
        return get(user, uri -> uri.path(path).build(), type);
    }

    private <T> T get(String user, java.util.function.Function<UriBuilder, java.net.URI> uri,
            ParameterizedTypeReference<T> type) {
        try {
            return http.get().uri(uri).header("Authorization", "Bearer " + tokens.tokenFor(user))
                    .retrieve().onStatus(HttpStatusCode::isError, (request, response) -> {
                        throw failure(response);
                    }).body(type);
        } catch (ResourceAccessException e) {
            throw ApiCallFailed.unreachable(e.getMostSpecificCause().getClass().getSimpleName());
        }
    }

    private Alert post(String user, String path, UUID alertId, Object body) {
        try {
            return http.post().uri(path, alertId).header("Authorization", "Bearer " + tokens.tokenFor(user))
                    .contentType(org.springframework.http.MediaType.APPLICATION_JSON).body(body)
                    .retrieve().onStatus(HttpStatusCode::isError, (request, response) -> {
                        throw failure(response);
                    }).body(Alert.class);
        } catch (ResourceAccessException e) {
            throw ApiCallFailed.unreachable(e.getMostSpecificCause().getClass().getSimpleName());
        }
    }

    /** The problem+json frontend-api sends with every error (or just the status when the body is not one). */
    private ApiCallFailed failure(ClientHttpResponse response) throws IOException {
        int status = response.getStatusCode().value();
        try {
            JsonNode problem = json.readTree(response.getBody());
            List<ApiCallFailed.FieldError> errors = new ArrayList<>();
            for (JsonNode error : problem.path("errors")) {
                errors.add(new ApiCallFailed.FieldError(error.path("field").asString(""), error.path("message").asString("")));
            }
            return new ApiCallFailed(status, problem.path("code").asString("http_" + status),
                    problem.path("detail").asString(""), errors);
        } catch (RuntimeException e) {
            return new ApiCallFailed(status, "http_" + status, "", List.of());
        }
    }
}
