package org.steambytes.dashboard.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.steambytes.common.reading.Reading;
import org.steambytes.common.redis.RedisKeys;
import org.steambytes.common.stream.AlertChangeEntry;
import org.steambytes.common.stream.ReadingsStreamEntry;
import org.steambytes.dashboard.DashboardTest;

/**
 * The live feed on the real Redis stream, entries added exactly as iot-ingestion adds them
 * (common's {@code ReadingsStreamEntry.encode}): the instance's one reader hands each entry to the
 * browsers of its site only, an event's id is the entry's id, and a reconnect with Last-Event-ID
 * replays exactly the missed entries of its site, in order, without repeating any. alert-service's
 * alert changes reach the browsers of their site only, as {@code alerts} events without an id.
 */
class LiveFeedTests extends DashboardTest {

    @Autowired
    LiveFeed feed;

    @Autowired
    LiveHub hub;

    @Autowired
    StringRedisTemplate redis;

    /** An emitter that keeps what would have gone to the browser. */
    static final class Captured extends SseEmitter {

        final List<String> events = new CopyOnWriteArrayList<>();

        Captured() {
            super(0L);
        }

        @Override
        public void send(SseEventBuilder builder) {
            StringBuilder text = new StringBuilder();
            builder.build().forEach(part -> text.append(part.getData()));
            events.add(text.toString());
        }

        List<String> readings() {
            return events.stream().filter(e -> e.contains("event:readings")).toList();
        }

        List<String> alerts() {
            return events.stream().filter(e -> e.contains("event:alerts")).toList();
        }
    }

    @Test
    void handsEachEntryOnlyToTheBrowsersOfItsSiteWithTheStreamIdAsEventId() {
        String site = "live-" + UUID.randomUUID().toString().substring(0, 8);
        String other = site + "-other";
        Captured browser = subscribe(site, null);

        String otherId = add(other, "s1", 1.0);
        String id = add(site, "s1", 10.5);

        await().atMost(Duration.ofSeconds(10)).until(() -> browser.readings().size() == 1);
        String event = browser.readings().get(0);
        assertThat(event).contains("id:" + id).contains("\"sensor_id\":\"s1\"").contains("\"value\":10.5")
                .contains("\"site_id\":\"" + site + "\"").doesNotContain(otherId);
    }

    @Test
    void replaysWhatABrowserMissedAfterItsLastEventIdThenGoesLive() {
        String site = "live-" + UUID.randomUUID().toString().substring(0, 8);
        String seen = add(site, "s1", 1.0);
        String missed1 = add(site, "s1", 2.0);
        add(site + "-other", "s1", 99.0);
        String missed2 = add(site, "s2", 3.0);

        Captured browser = subscribe(site, seen);
        String live = add(site, "s1", 4.0);

        await().atMost(Duration.ofSeconds(10)).until(() -> browser.readings().size() == 3);
        List<String> events = browser.readings();
        assertThat(events.get(0)).contains("id:" + missed1).contains("\"value\":2.0");
        assertThat(events.get(1)).contains("id:" + missed2).contains("\"sensor_id\":\"s2\"");
        assertThat(events.get(2)).contains("id:" + live);
        assertThat(String.join("", events)).doesNotContain("id:" + seen + "\n").doesNotContain("99.0");
    }

    @Test
    void startsFromThePositionAPageWasRenderedAtSoNothingInBetweenIsLost() {
        String site = "live-" + UUID.randomUUID().toString().substring(0, 8);
        String position = feed.position();
        String between = add(site, "s1", 7.0); // after the page's data, before its browser subscribed

        Captured browser = subscribe(site, position);

        await().atMost(Duration.ofSeconds(10)).until(() -> browser.readings().size() == 1);
        assertThat(browser.readings().get(0)).contains("id:" + between);
    }

    @Test
    void forgetsABrowserOnceItsStreamIsClosed() {
        String site = "live-" + UUID.randomUUID().toString().substring(0, 8);
        Captured browser = subscribe(site, null);
        assertThat(hub.watched(site)).isTrue();
        hub.all().stream().filter(s -> s.siteId().equals(site)).forEach(LiveSubscriber::revoke);
        assertThat(hub.watched(site)).isFalse();
        assertThat(browser.events).anyMatch(e -> e.contains("event:revoked"));
    }

    @Test
    void handsEachAlertChangeOnlyToTheBrowsersOfItsSiteWithoutTouchingTheirLastEventId() {
        String site = "live-" + UUID.randomUUID().toString().substring(0, 8);
        Captured browser = subscribe(site, null);
        String reading = add(site, "s1", 1.0);
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.readings().size() == 1);

        UUID foreign = change(site + "-other", "opened", "open");
        UUID acknowledged = change(site, "acknowledged", "acknowledged");

        await().atMost(Duration.ofSeconds(10)).until(() -> browser.alerts().size() == 1);
        String event = browser.alerts().get(0);
        assertThat(event).contains("\"alert_id\":\"" + acknowledged + "\"", "\"event\":\"acknowledged\"",
                "\"site_id\":\"" + site + "\"", "\"severity\":\"high\"").doesNotContain(foreign.toString())
                .as("no id: the browser's Last-Event-ID stays the readings entry's").doesNotContain("id:");

        String next = add(site, "s1", 2.0); // readings after an alert change still go out, in order
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.readings().size() == 2);
        assertThat(browser.readings().get(1)).contains("id:" + next);
        assertThat(reading).isNotEqualTo(next);
        assertThat(String.join("", browser.events)).doesNotContain(foreign.toString());
    }

    private UUID change(String site, String event, String state) {
        UUID alertId = UUID.randomUUID();
        redis.opsForStream().add(StreamRecords.string(new AlertChangeEntry(site, alertId, event, state, "high",
                Instant.now()).encode()).withStreamKey(RedisKeys.ALERT_CHANGES_STREAM));
        return alertId;
    }

    private Captured subscribe(String site, String lastEventId) {
        Captured emitter = new Captured();
        feed.subscribe("someone", site, lastEventId, emitter);
        return emitter;
    }

    private String add(String site, String sensor, double value) {
        Map<String, String> fields = ReadingsStreamEntry.encode(site, UUID.randomUUID(),
                List.of(new Reading(site, sensor, "steam_pressure", value, Instant.now())));
        RecordId id = redis.opsForStream().add(StreamRecords.string(fields).withStreamKey(RedisKeys.READINGS_STREAM));
        return id.getValue();
    }
}
