package org.steambytes.dashboard.overview;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.steambytes.dashboard.api.SiteSummary;

class OverviewOrderTests {

    private static final SiteSummary OK = site("plant-a", "Alpha", "ok", null, 0, "2026-11-27T10:00:00Z");
    private static final SiteSummary STALE = site("plant-b", "Bravo", "stale", null, 0, "2026-11-27T08:00:00Z");
    private static final SiteSummary HIGH = site("plant-c", "Charlie", "alerting", "high", 1, "2026-11-27T09:00:00Z");
    private static final SiteSummary CRITICAL = site("plant-d", "delta", "alerting", "critical", 3, null);
    private static final List<SiteSummary> ALL = List.of(OK, STALE, HIGH, CRITICAL);

    @Test
    void putsTheWorstFirstByDefault() {
        assertThat(OverviewOrder.parse(null).apply(ALL, "")).containsExactly(CRITICAL, HIGH, STALE, OK);
    }

    @Test
    void sortsByNameAlertsAndLastReading() {
        assertThat(OverviewOrder.parse("name").apply(ALL, null)).containsExactly(OK, STALE, HIGH, CRITICAL);
        assertThat(OverviewOrder.parse("alerts").apply(ALL, null)).containsExactly(CRITICAL, HIGH, OK, STALE);
        assertThat(OverviewOrder.parse("last_reading").apply(ALL, null)).containsExactly(OK, HIGH, STALE, CRITICAL);
    }

    @Test
    void filtersByNameOrIdIgnoringCase() {
        assertThat(OverviewOrder.NAME.apply(ALL, "  DEL ")).containsExactly(CRITICAL);
        assertThat(OverviewOrder.NAME.apply(ALL, "plant-b")).containsExactly(STALE);
        assertThat(OverviewOrder.NAME.apply(ALL, "zzz")).isEmpty();
    }

    private static SiteSummary site(String id, String name, String status, String severity, int open, String last) {
        return new SiteSummary(id, name, "Europe/Berlin", status, severity, open, last == null ? null : Instant.parse(last), null);
    }
}
