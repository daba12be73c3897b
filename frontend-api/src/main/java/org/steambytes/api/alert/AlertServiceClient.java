package org.steambytes.api.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientException;
import org.steambytes.api.ApiProperties;
import org.steambytes.api.neighbour.NeighbourProblems;
import org.steambytes.common.problem.ProblemException;
import org.steambytes.common.security.InternalRestClients;
import tools.jackson.databind.json.JsonMapper;

/** alert-service's internal API ({@code ALERT_SERVICE_URL}, Bearer {@code STEAMBYTES_INTERNAL_TOKEN}). */
@Component
class AlertServiceClient {

    private static final Logger log = LoggerFactory.getLogger(AlertServiceClient.class);

    private final RestClient http;
    private final JsonMapper json;

    AlertServiceClient(ApiProperties properties, JsonMapper json) {
        this.json = json;
        this.http = InternalRestClients.to(properties.alertServiceUrl(), properties.internal(), Duration.ofSeconds(5));
    }

    /** Refused or timed out while connecting: the request never reached alert-service. */
    private static boolean nothingSent(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.net.ConnectException || cause instanceof java.net.http.HttpConnectTimeoutException) {
                return true;
            }
        }
        return false;
    }

    void acknowledge(UUID alertId, String who, String note) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("who", who);
        body.put("note", note);
        try {
            http.post().uri("/internal/v1/alerts/{id}/acknowledge", alertId)
                    .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toBodilessEntity();
        } catch (HttpClientErrorException.NotFound e) {
            throw ProblemException.of(HttpStatus.NOT_FOUND, "alert_not_found", "No alert " + alertId + ".");
        } catch (HttpClientErrorException.Conflict e) {
            throw ProblemException.of(HttpStatus.CONFLICT, "alert_not_acknowledgeable",
                    "Alert " + alertId + " cannot be acknowledged in its current state.");
        } catch (ResourceAccessException e) {
            // Refused: nothing reached alert-service. Timed out: it may have acknowledged (or may yet).
            throw unreachable(e, "the acknowledgement may or may not be recorded."
                    + " Retrying is safe: acknowledging twice changes nothing.");
        } catch (RestClientException e) {
            throw ProblemException.of(HttpStatus.SERVICE_UNAVAILABLE, "alert_service_unavailable",
                    "alert-service could not acknowledge the alert right now; retrying is safe. Retry shortly.")
                    .withHeader("Retry-After", "10");
        }
    }

    /**
     * Shelves until {@code until}: alert-service answers 404 {@code alert_not_found}, 409
     * {@code alert_not_shelvable} (resolved) or 422 on {@code until}, each passed on as it is.
     */
    void shelve(UUID alertId, Instant until, String reason, String who) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("until", until.toString());
        body.put("reason", reason);
        body.put("who", who);
        forward("shelve", alertId, () -> http.post().uri("/internal/v1/alerts/{id}/shelve", alertId)
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toBodilessEntity());
    }

    /** Unshelves now: 409 {@code alert_not_shelved} when it is not shelved, passed on. */
    void unshelve(UUID alertId, String who) {
        forward("unshelve", alertId, () -> http.delete().uri(uri -> uri.path("/internal/v1/alerts/{id}/shelve")
                .queryParam("who", "{who}").build(alertId, who)).retrieve().toBodilessEntity());
    }

    private void forward(String action, UUID alertId, Runnable exchange) {
        try {
            exchange.run();
        } catch (HttpClientErrorException e) {
            String code = NeighbourProblems.code(e, json);
            if (e.getStatusCode().value() == 404 && !"alert_not_found".equals(code)) {
                // frontend-api has just read the alert: a 404 without that code is a route alert-service lacks.
                log.error("alert-service has no {} endpoint ({}); is it older than this frontend-api?", action, code);
                throw ProblemException.of(HttpStatus.SERVICE_UNAVAILABLE, "alert_service_unavailable",
                        "alert-service cannot " + action + " alerts yet; nothing was changed.")
                        .withHeader("Retry-After", "60");
            }
            int status = e.getStatusCode().value();
            if (status == 404 || status == 409 || status == 422) {
                throw NeighbourProblems.relay(e, json).orElseGet(() -> unavailable(action));
            }
            log.error("alert-service refused to {} alert {}: {} {}", action, alertId, e.getStatusCode(),
                    e.getResponseBodyAsString());
            throw unavailable(action);
        } catch (ResourceAccessException e) {
            throw unreachable(e, "the change may or may not be recorded; retrying is safe ("
                    + (action.equals("shelve") ? "shelving again sets the same end" : "the retry may answer 409 alert_not_shelved")
                    + ").");
        } catch (RestClientException e) {
            throw unavailable(action);
        }
    }

    private static ProblemException unreachable(ResourceAccessException e, String timedOut) {
        return ProblemException.of(HttpStatus.SERVICE_UNAVAILABLE, "alert_service_unavailable", nothingSent(e)
                ? "alert-service cannot be reached; nothing was changed. Retry shortly."
                : "alert-service did not answer in time; " + timedOut)
                .withHeader("Retry-After", "10");
    }

    private static ProblemException unavailable(String action) {
        return ProblemException.of(HttpStatus.SERVICE_UNAVAILABLE, "alert_service_unavailable",
                "alert-service could not " + action + " the alert right now. Retry shortly.")
                .withHeader("Retry-After", "10");
    }
}
