package org.steambytes.dashboard.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ChartRangeTests {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    @ParameterizedTest(name = "{0} of a {1} s sensor → {2}")
    @CsvSource({"1h, 10, 10s", "1h, 1, 5s", "24h, 10, 2m", "7d, 10, 15m", "30d, 10, 1h", "1h, 300, 5m", "24h, 60, 2m",
            "24h, 300, 5m"})
    void choosesTheFinestBucketWithinAThousandPointsAndNoFinerThanTheSensor(String preset, int intervalS, String expected) {
        ChartRange range = ChartRange.preset(preset, NOW, intervalS).orElseThrow();
        assertThat(range.interval()).isEqualTo(expected);
        assertThat(ChartRange.buckets(Duration.between(range.from(), range.to()), ChartRange.width(range.interval())))
                .isLessThanOrEqualTo(ChartRange.MAX_POINTS);
        assertThat(range.to()).isEqualTo(NOW);
        assertThat(range.askedEnd()).as("a preset is open: asked without an end, never response-cached").isNull();
    }

    @Test
    void neverExceedsTheBudgetForAnyCustomWindow() {
        for (long minutes = 1; minutes < 3_000_000; minutes = minutes * 3 / 2 + 1) {
            ChartRange range = ChartRange.of(NOW.minus(Duration.ofMinutes(minutes)), NOW, 1, false);
            assertThat(ChartRange.buckets(Duration.ofMinutes(minutes), ChartRange.width(range.interval())))
                    .as("%d minutes at %s", minutes, range.interval()).isLessThanOrEqualTo(ChartRange.MAX_POINTS);
        }
    }

    @Test
    void readsACustomWindowInTheSitesZone() {
        ChartRange range = ChartRange.custom("2026-03-29T00:00", "2026-03-30T00:00", ZoneId.of("Europe/Berlin"), 10)
                .orElseThrow();
        assertThat(range.from()).isEqualTo(Instant.parse("2026-03-28T23:00:00Z"));
        assertThat(range.to()).isEqualTo(Instant.parse("2026-03-29T22:00:00Z")); // a 23-hour day
        assertThat(range.askedEnd()).isEqualTo(range.to());
    }

    @Test
    void refusesAnUnknownPresetAndABackwardsOrUnreadableWindow() {
        assertThat(ChartRange.preset("2h", NOW, 10)).isEmpty();
        assertThat(ChartRange.custom("2026-03-30T00:00", "2026-03-29T00:00", ZoneId.of("UTC"), 10)).isEmpty();
        assertThat(ChartRange.custom("yesterday", "2026-03-29T00:00", ZoneId.of("UTC"), 10)).isEmpty();
    }
}
