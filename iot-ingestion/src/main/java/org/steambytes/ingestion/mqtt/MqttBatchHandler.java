package org.steambytes.ingestion.mqtt;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.steambytes.common.problem.FieldProblem;
import org.steambytes.ingestion.IngestionProperties;
import org.steambytes.ingestion.gateway.Gateway;
import org.steambytes.ingestion.gateway.GatewayTokens;
import org.steambytes.ingestion.reading.AcceptedBatch;
import org.steambytes.ingestion.reading.LineIntake;
import org.steambytes.ingestion.reading.ReadingIntake;
import org.steambytes.ingestion.reading.TimePrecision;

/**
 * One MQTT message to durable storage on the HTTP endpoints' path: the payload's token must be the
 * gateway's that the topic names (per-message authentication: any client may publish on a shared
 * broker, so the topic alone proves nothing), then the JSON or line-protocol intake.
 */
@Component
class MqttBatchHandler {

    private final GatewayTokens tokens;
    private final ReadingIntake json;
    private final LineIntake lines;

    private final long maxBytes;

    MqttBatchHandler(GatewayTokens tokens, ReadingIntake json, LineIntake lines, IngestionProperties properties) {
        this.tokens = tokens;
        this.json = json;
        this.lines = lines;
        this.maxBytes = properties.ingestion().maxBytes().toBytes();
    }

    MqttOutcome handle(MqttTopics.Address address, byte[] message) {
        if (message.length > maxBytes + MqttPayload.MAX_HEADER) {
            return refused("body_too_large", "A batch holds at most " + maxBytes + " bytes; split it into several messages.");
        }
        MqttPayload payload = MqttPayload.of(message);
        if (payload == null) {
            return refused("unauthenticated", "the first line of the payload must be 'Token <gateway token>'"
                    + " (optionally followed by ' precision=<unit>'), then the batch");
        }
        try {
            Optional<Gateway> gateway = tokens.find(payload.token());
            if (gateway.isEmpty() || !gateway.get().gatewayId().toString().equals(address.gatewayId())
                    || !gateway.get().siteId().equals(address.siteId())) {
                return refused("unauthenticated", "unknown or revoked gateway token, or not the token of gateway '"
                        + address.gatewayId() + "' of site '" + address.siteId() + "'");
            }
            AcceptedBatch accepted;
            if (payload.json()) {
                accepted = json.accept(gateway.get(), payload.body(), payload.body().length);
            } else {
                TimePrecision precision = TimePrecision.of(payload.precision());
                if (precision == null) {
                    return refused("invalid_precision", "precision '" + payload.precision() + "' is not one of ns, us, ms, s");
                }
                accepted = lines.accept(gateway.get(), payload.body(), payload.body().length, precision);
            }
            return new MqttOutcome.Stored(accepted.accepted());
        } catch (ErrorResponseException e) {
            if (e.getStatusCode().value() == 503) {
                return new MqttOutcome.RetryLater(e.getBody().getDetail());
            }
            Map<String, Object> properties = e.getBody().getProperties();
            String code = properties != null && properties.get("code") instanceof String c ? c : "refused";
            @SuppressWarnings("unchecked")
            List<FieldProblem> errors = properties != null && properties.get("errors") instanceof List<?> list
                    ? (List<FieldProblem>) list : List.of();
            return new MqttOutcome.Refused(code, e.getBody().getDetail(), errors);
        }
    }

    private static MqttOutcome.Refused refused(String code, String error) {
        return new MqttOutcome.Refused(code, error, List.of());
    }
}
