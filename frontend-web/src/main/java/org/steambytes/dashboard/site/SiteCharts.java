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

/**
 * Fetches charts' history from frontend-api as the user, several at once on a small shared pool (a
 * site page's twenty charts, side by side instead of queued behind the browser's connection limit).
 * One chart's failure is that chart's {@code problem}; the others still draw. A site outside the
 * user's scope fails the whole request earlier, when its sensors are listed (404).
 */
@Component
class SiteCharts {

    /** frontend-api and its history service share the host's cores: more at once only queues there. */
    private static final int AT_ONCE = 6;

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

    Map<String, Object> fetch(String user, String siteId, Map<String, ChartRange> wanted, ZoneId zone) {
        List<CompletableFuture<Map<String, Object>>> fetches = new ArrayList<>();
        for (Map.Entry<String, ChartRange> chart : wanted.entrySet()) {
            fetches.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return fetchOne(user, siteId, chart.getKey(), chart.getValue(), zone);
                } catch (ApiCallFailed e) {
                    return Map.<String, Object>of("problem", Map.of("status", e.status(), "code", e.code(), "detail", e.detail()));
                }
            }, pool));
        }
        Map<String, Object> charts = new LinkedHashMap<>();
        int index = 0;
        for (String sensorId : wanted.keySet()) {
            try {
                charts.put(sensorId, fetches.get(index++).join());
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }
        return charts;
    }

    Map<String, Object> fetchOne(String user, String siteId, String sensorId, ChartRange chart, ZoneId zone) {
        History history = api.history(user, siteId, sensorId, chart.from(), chart.askedEnd(), chart.interval(), "mean");
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
