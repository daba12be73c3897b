package org.steambytes.dashboard.site;

import jakarta.annotation.PreDestroy;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;
import org.steambytes.dashboard.api.ApiCallFailed;
import org.steambytes.dashboard.api.FrontendApi;
import org.steambytes.dashboard.api.History;
import org.steambytes.dashboard.api.HistoryPoint;
import org.steambytes.dashboard.api.SiteHistories;

/**
 * Fetches charts' history from frontend-api as the user: a site page's twenty charts in one multi-sensor
 * request (docs/PERFORMANCE.md, "Read path — history"), or a few side by side on a small shared pool when
 * the charts ask different windows or intervals. A request's failure is its charts' {@code problem}; the
 * others still draw. A site outside the user's scope fails the whole request earlier, when its sensors are
 * listed (404).
 */
@Component
class SiteCharts {

    /** frontend-api and its history service share the host's cores: more at once only queues there. */
    private static final int AT_ONCE = 6;
    /** frontend-api's limit of sensors per multi-sensor history request. */
    static final int PER_REQUEST = 100;

    private final FrontendApi api;
    private final ExecutorService pool;

    SiteCharts(FrontendApi api) {
        this.api = api;
        AtomicInteger threads = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(AT_ONCE, runnable -> {
            Thread thread = new Thread(runnable, "chart-fetch-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Every chart of {@code wanted}: the charts asking the same window and interval (usually all of a page's:
     * sensors of one expected interval) in one multi-sensor request ({@link FrontendApi#histories}, at most
     * {@value #PER_REQUEST} sensors each), such requests side by side. A failed request is the problem of each
     * of its charts.
     */
    Map<String, Object> fetch(String user, String siteId, Map<String, ChartRange> wanted, ZoneId zone) {
        Map<ChartRange, List<String>> byRange = new LinkedHashMap<>();
        wanted.forEach((sensorId, chart) -> byRange.computeIfAbsent(chart, ignored -> new ArrayList<>()).add(sensorId));
        List<CompletableFuture<Map<String, Object>>> fetches = new ArrayList<>();
        for (Map.Entry<ChartRange, List<String>> group : byRange.entrySet()) {
            List<String> sensorIds = group.getValue();
            for (int first = 0; first < sensorIds.size(); first += PER_REQUEST) {
                List<String> some = List.copyOf(sensorIds.subList(first, Math.min(sensorIds.size(), first + PER_REQUEST)));
                fetches.add(CompletableFuture.supplyAsync(() -> fetchSome(user, siteId, some, group.getKey(), zone), pool));
            }
        }
        Map<String, Object> fetched = new LinkedHashMap<>();
        for (CompletableFuture<Map<String, Object>> fetch : fetches) {
            try {
                fetched.putAll(fetch.join());
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }
        Map<String, Object> charts = new LinkedHashMap<>();
        for (String sensorId : wanted.keySet()) {
            charts.put(sensorId, fetched.get(sensorId));
        }
        return charts;
    }

    private Map<String, Object> fetchSome(String user, String siteId, List<String> sensorIds, ChartRange chart, ZoneId zone) {
        Map<String, Object> charts = new LinkedHashMap<>();
        try {
            SiteHistories answer = api.histories(user, siteId, sensorIds, chart.from(), chart.askedEnd(), chart.interval(), "mean");
            for (History history : answer.histories()) {
                charts.put(history.sensorId(), chart(history, chart, zone));
            }
        } catch (ApiCallFailed e) {
            Map<String, Object> problem = Map.of("problem", Map.of("status", e.status(), "code", e.code(), "detail", e.detail()));
            sensorIds.forEach(sensorId -> charts.put(sensorId, problem));
        }
        return charts;
    }

    Map<String, Object> fetchOne(String user, String siteId, String sensorId, ChartRange chart, ZoneId zone) {
        return chart(api.history(user, siteId, sensorId, chart.from(), chart.askedEnd(), chart.interval(), "mean"), chart, zone);
    }

    private static Map<String, Object> chart(History history, ChartRange chart, ZoneId zone) {
        List<Long> times = new ArrayList<>(history.points().size());
        List<Double> values = new ArrayList<>(history.points().size());
        for (HistoryPoint point : history.points()) {
            times.add(point.timestamp().toEpochSecond());
            values.add(point.value());
        }
        return Map.of("interval", chart.interval(), "aggregate", "mean", "timezone", zone.getId(),
                "from", chart.from().getEpochSecond(), "to", chart.to().getEpochSecond(), "t", times, "v", values);
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }
}
