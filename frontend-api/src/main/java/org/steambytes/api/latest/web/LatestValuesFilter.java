package org.steambytes.api.latest.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import org.steambytes.api.caller.ApiCaller;
import org.steambytes.api.latest.LatestReadings;
import org.steambytes.api.latest.LatestReadings.LatestReading;
import org.steambytes.api.latest.LatestReadings.SiteLatest;
import org.steambytes.api.web.DirectAnswers;
import org.steambytes.api.web.DirectJsonRead;
import org.steambytes.api.web.IsoInstants;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * The latest values — the dashboard's and the pollers' most frequent read — answered inside the security chain,
 * after authorization, without Spring MVC's dispatch: the same {@link LatestReadings#of} as
 * {@link LatestController}, written with the application's own JSON mapper, so the same bytes. What Spring MVC
 * would add per request here — finding the handler among the application's mappings, resolving the arguments,
 * negotiating the content type over every message converter — was a third of the answer's CPU
 * (docs/PERFORMANCE.md "Read path", fourth pass).
 *
 * <p>Only the plain case is answered here: {@code GET /api/v1/sites/<site>/latest} exactly (no context path, the
 * site a plain segment: no percent-encoding, no matrix parameters), an authenticated caller, an {@code Accept}
 * that JSON satisfies. Anything else — HEAD, OPTIONS, another spelling of the path, another media type — and any
 * error (a site the caller cannot see, a store failing) goes on to Spring MVC untouched, which answers it as
 * before (404, 406, problem+json). The request's observation is given the controller's path pattern, so
 * {@code http.server.requests} names the endpoint as before.
 */
public final class LatestValuesFilter extends DirectJsonRead<String> {

    static final String PATTERN = "/api/v1/sites/{siteId}/latest";
    private static final String PREFIX = "/api/v1/sites/";
    private static final String SUFFIX = "/latest";

    private final LatestReadings latest;
    private final JsonMapper json;

    LatestValuesFilter(LatestReadings latest, JsonMapper json) {
        super(PATTERN);
        this.latest = latest;
        this.json = json;
    }

    @Override
    protected String queryOf(HttpServletRequest request) {
        return siteOf(request);
    }

    @Override
    protected byte[] answer(ApiCaller caller, String siteId) {
        return write(latest.of(caller, siteId));
    }

    /**
     * The answer as the application's JSON mapper writes the controller's {@link SiteLatest} (names in snake case,
     * nulls written, instants as {@link IsoInstants} writes them), but through its generator directly: the mapper's
     * bean serializers were a fifth of the answer's CPU (docs/PERFORMANCE.md "Read path", fourth pass).
     * {@code LatestValuesFilterTests} holds it to the controller's bytes.
     */
    private byte[] write(SiteLatest answer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + 160 * answer.readings().size());
        try (JsonGenerator out = json.createGenerator(bytes)) {
            out.writeStartObject();
            out.writeStringProperty("site_id", answer.siteId());
            out.writeName("readings");
            out.writeStartArray();
            for (LatestReading reading : answer.readings()) {
                out.writeStartObject();
                out.writeStringProperty("sensor_id", reading.sensorId());
                out.writeStringProperty("sensor_type", reading.sensorType());
                if (reading.value() == null) {
                    out.writeNullProperty("value");
                } else {
                    out.writeNumberProperty("value", reading.value());
                }
                out.writeStringProperty("unit", reading.unit());
                out.writeStringProperty("timestamp", reading.timestamp() == null ? null : IsoInstants.format(reading.timestamp()));
                out.writeBooleanProperty("stale", reading.stale());
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeEndObject();
        }
        return bytes.toByteArray();
    }

    /** The site of a plain {@code GET /api/v1/sites/<site>/latest}; null for any other request. */
    static String siteOf(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod()) || !request.getContextPath().isEmpty()) {
            return null;
        }
        String uri = request.getRequestURI();
        if (uri == null || !uri.startsWith(PREFIX) || !uri.endsWith(SUFFIX)
                || !DirectAnswers.plain(uri, PREFIX.length(), uri.length() - SUFFIX.length())) {
            return null;
        }
        return uri.substring(PREFIX.length(), uri.length() - SUFFIX.length());
    }
}
