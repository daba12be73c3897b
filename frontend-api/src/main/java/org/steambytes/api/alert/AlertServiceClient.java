package org.steambytes.api.alert;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientException;
import org.steambytes.api.ApiProperties;
import org.steambytes.common.problem.ProblemException;
import org.steambytes.common.security.InternalRestClients;

/** alert-service's internal API ({@code ALERT_SERVICE_URL}, Bearer {@code STEAMBYTES_INTERNAL_TOKEN}). */
@Component
class AlertServiceClient {

    private final RestClient http;

    AlertServiceClient(ApiProperties properties) {
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
            boolean refused = nothingSent(e);
            throw ProblemException.of(HttpStatus.SERVICE_UNAVAILABLE, "alert_service_unavailable", refused
                    ? "alert-service cannot be reached; nothing was changed. Retry shortly."
                    : "alert-service did not answer in time; the acknowledgement may or may not be recorded."
                            + " Retrying is safe: acknowledging twice changes nothing.")
                    .withHeader("Retry-After", "10");
        } catch (RestClientException e) {
            throw ProblemException.of(HttpStatus.SERVICE_UNAVAILABLE, "alert_service_unavailable",
                    "alert-service could not acknowledge the alert right now; retrying is safe. Retry shortly.")
                    .withHeader("Retry-After", "10");
        }
    }
}
