package org.steambytes.api.alert;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.web.PagedModel;
import org.springframework.stereotype.Component;
import org.steambytes.common.redis.RedisKeys;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * A page of a site's open or acknowledged alerts from alert-service's document of them in Redis
 * ({@code alert_service:open-alerts:{<site_id>}}, docs/ARCHITECTURE.md §2): one GET, read fresh on every request —
 * this service only reads the owner's key and keeps nothing of it. The document holds each alert exactly as this
 * API writes it (common's {@code OpenAlertsDocument}), newest first, so the page is its alerts' bytes in a
 * {@link PagedModel}'s frame: the document is only tokenized (each alert's state and severity read, its bytes
 * located), nothing is parsed into objects or formatted again. Empty (the caller reads PostgreSQL) when the key is
 * missing or unreadable, or Redis fails; after a failure Redis is not asked for 5 s, so an outage does not cost
 * every request a timeout.
 */
@Component
class OpenAlerts {

    private static final Logger log = LoggerFactory.getLogger(OpenAlerts.class);
    private static final Duration PAUSE_AFTER_FAILURE = Duration.ofSeconds(5);
    private static final byte[] CONTENT = "{\"content\":[".getBytes(StandardCharsets.UTF_8);
    private static final byte[] PAGE = "],\"page\":".getBytes(StandardCharsets.UTF_8);

    /** Where one alert's JSON lies in the document. */
    private record Slice(int from, int to) {
    }

    private final StringRedisTemplate redis;
    private final JsonMapper json;
    private volatile long pausedUntil = System.nanoTime();

    OpenAlerts(StringRedisTemplate redis, JsonMapper json) {
        this.redis = redis;
        this.json = json;
    }

    /**
     * The JSON answer of the alerts list for the site's alerts in {@code state} (open or acknowledged) of any of
     * {@code severities} (empty: all), byte for byte what {@code PagedModel<AlertView>} of the PostgreSQL query writes.
     */
    Optional<byte[]> page(String siteId, String state, List<String> severities, Pageable pageable) {
        if (System.nanoTime() - pausedUntil < 0) {
            return Optional.empty();
        }
        byte[] key = RedisKeys.openAlerts(siteId).getBytes(StandardCharsets.UTF_8);
        byte[] stored;
        try {
            stored = redis.execute((RedisCallback<byte[]>) connection -> connection.stringCommands().get(key));
        } catch (RuntimeException e) {
            pausedUntil = System.nanoTime() + PAUSE_AFTER_FAILURE.toNanos();
            log.warn("Open alerts of {} not read from Redis, reading PostgreSQL for 5 s: {}", siteId, e.toString());
            return Optional.empty();
        }
        if (stored == null) {
            return Optional.empty();
        }
        try {
            List<Slice> matching = matching(stored, siteId, state, severities);
            if (matching == null) {
                log.warn("Open alerts of {} in Redis are not the site's document, reading PostgreSQL", siteId);
                return Optional.empty();
            }
            return Optional.of(answer(stored, matching, pageable));
        } catch (RuntimeException e) {
            log.warn("Open alerts of {} unreadable in Redis, reading PostgreSQL: {}", siteId, e.toString());
            return Optional.empty();
        }
    }

    /** The alerts of the state and severities, in the document's order; null if it is not the site's document. */
    private List<Slice> matching(byte[] stored, String siteId, String state, List<String> severities) {
        List<Slice> matching = new ArrayList<>();
        boolean site = false;
        boolean alerts = false;
        try (JsonParser parser = json.createParser(stored)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals("site_id")) {
                    site = value == JsonToken.VALUE_STRING && siteId.equals(parser.getString());
                } else if (name.equals("alerts") && value == JsonToken.START_ARRAY) {
                    alerts = true;
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        int from = (int) parser.currentTokenLocation().getByteOffset();
                        String alertState = null;
                        String severity = null;
                        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                            String field = parser.currentName();
                            JsonToken token = parser.nextToken();
                            if (field.equals("state") && token == JsonToken.VALUE_STRING) {
                                alertState = parser.getString();
                            } else if (field.equals("severity") && token == JsonToken.VALUE_STRING) {
                                severity = parser.getString();
                            } else {
                                parser.skipChildren();
                            }
                        }
                        int to = (int) parser.currentLocation().getByteOffset();
                        if (state.equals(alertState) && (severities.isEmpty() || severities.contains(severity))) {
                            matching.add(new Slice(from, to));
                        }
                    }
                } else {
                    parser.skipChildren();
                }
            }
        }
        return site && alerts ? matching : null;
    }

    /** {@code {"content":[…],"page":{…}}} as {@link PagedModel} writes it, the page's numbers from a {@link PageImpl}. */
    private byte[] answer(byte[] stored, List<Slice> matching, Pageable pageable) {
        int from = (int) Math.min(pageable.getOffset(), matching.size());
        int to = (int) Math.min((long) from + pageable.getPageSize(), matching.size());
        Page<Slice> page = new PageImpl<>(matching.subList(from, to), pageable, matching.size());
        ByteArrayOutputStream out = new ByteArrayOutputStream(stored.length + 128);
        out.writeBytes(CONTENT);
        for (int i = 0; i < page.getContent().size(); i++) {
            Slice slice = page.getContent().get(i);
            if (i > 0) {
                out.write(',');
            }
            out.write(stored, slice.from(), slice.to() - slice.from());
        }
        out.writeBytes(PAGE);
        out.writeBytes(json.writeValueAsBytes(new PagedModel.PageMetadata(page.getSize(), page.getNumber(),
                page.getTotalElements(), page.getTotalPages())));
        out.write('}');
        return out.toByteArray();
    }
}
