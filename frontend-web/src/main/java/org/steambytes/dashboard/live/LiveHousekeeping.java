package org.steambytes.dashboard.live;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.steambytes.dashboard.DashboardProperties;
import org.steambytes.dashboard.api.ApiCallFailed;
import org.steambytes.dashboard.api.FrontendApi;

/**
 * Every {@code recheckEvery} (60 s) asks frontend-api, once per user and site being watched,
 * whether the user may still see the site; a stream the answer is no to is revoked and closed (a
 * user disabled or a site taken out of the user's scope stops seeing it within a minute).
 * frontend-api unreachable: streams stay (the outage is not the user's doing) and the next round
 * asks again. Every {@code heartbeat} a comment goes to each stream.
 */
@Component
class LiveHousekeeping {

    private static final Logger log = LoggerFactory.getLogger(LiveHousekeeping.class);

    private final LiveHub hub;
    private final FrontendApi api;
    private final DashboardProperties.Live settings;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "live-housekeeping");
        thread.setDaemon(true);
        return thread;
    });

    LiveHousekeeping(LiveHub hub, FrontendApi api, DashboardProperties properties) {
        this.hub = hub;
        this.api = api;
        this.settings = properties.live();
    }

    @PostConstruct
    void start() {
        long heartbeat = settings.heartbeat().toMillis();
        long recheck = settings.recheckEvery().toMillis();
        timer.scheduleWithFixedDelay(this::heartbeat, heartbeat, heartbeat, TimeUnit.MILLISECONDS);
        timer.scheduleWithFixedDelay(this::recheck, recheck, recheck, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }

    void heartbeat() {
        hub.all().forEach(LiveSubscriber::heartbeat);
    }

    void recheck() {
        Map<String, Map<String, List<LiveSubscriber>>> byUserAndSite = new HashMap<>();
        for (LiveSubscriber subscriber : hub.all()) {
            byUserAndSite.computeIfAbsent(subscriber.user(), user -> new HashMap<>())
                    .computeIfAbsent(subscriber.siteId(), site -> new java.util.ArrayList<>()).add(subscriber);
        }
        byUserAndSite.forEach((user, sites) -> sites.forEach((siteId, subscribers) -> {
            try {
                if (!api.canSee(user, siteId)) {
                    log.info("{} may no longer see {}: closing {} live stream(s)", user, siteId, subscribers.size());
                    subscribers.forEach(LiveSubscriber::revoke);
                }
            } catch (ApiCallFailed e) {
                log.warn("Could not re-check {} for {} ({}); keeping the stream until the next round", siteId, user,
                        e.code());
            } catch (RuntimeException e) {
                log.warn("Re-check of {} for {} failed: {}", siteId, user, e.toString());
            }
        }));
    }
}
