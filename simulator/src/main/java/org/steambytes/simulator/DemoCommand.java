package org.steambytes.simulator;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.steambytes.simulator.client.ApiResponse;
import org.steambytes.simulator.client.Backoff;
import org.steambytes.simulator.client.IngestionClient;
import org.steambytes.simulator.client.ProvisioningClient;
import org.steambytes.simulator.client.ProvisioningException;
import org.steambytes.simulator.demo.DemoSite;
import org.steambytes.simulator.demo.OperatorLogin;
import org.steambytes.simulator.demo.SiteProvisioner;
import org.steambytes.simulator.log.Log;
import org.steambytes.simulator.signal.BoilerDesign;
import org.steambytes.simulator.signal.BoilerModel;
import org.steambytes.simulator.signal.BoilerSensors;
import org.steambytes.simulator.signal.Fault;
import tools.jackson.databind.JsonNode;

/**
 * {@code demo}: makes the demo boiler house exist (site, sensors, gateway, rules, calorific value, the
 * operator login; all idempotent), back-fills its recent history through the ingestion API and then
 * feeds it live — so the dashboard, charts, analytics, alerts and e-mails have something to show
 * within a minute (docs/SIMULATOR.md).
 */
public final class DemoCommand {

    /** What {@code demo} set up, and the feed that keeps it going. */
    public record Setup(boolean siteCreated, int sensorsCreated, int rulesCreated, String gatewayToken,
            String operatorPassword, SiteFeed feed) {
    }

    public record Settings(String apiUrl, String ingestionUrl, String dashboardUrl, String adminKey, Path dataDir,
            Duration backfill, Duration rate, long seed, boolean faults, boolean live) {

        static Settings of(Args args) {
            String key = args.get("admin-key", System.getenv("STEAMBYTES_ADMIN_API_KEY"));
            if (key == null || key.isBlank()) {
                throw new Args.UsageException("--admin-key (or STEAMBYTES_ADMIN_API_KEY) is required");
            }
            Duration backfill = args.duration("backfill", Duration.ofHours(2));
            if (backfill.compareTo(Duration.ofDays(29)) > 0) {
                throw new Args.UsageException("--backfill must be at most 29d (ingestion keeps 30 days)");
            }
            Duration rate = args.duration("rate", Duration.ofSeconds(10));
            if (rate.toMillis() < 100) {
                throw new Args.UsageException("--rate must be at least 0.1 s");
            }
            return new Settings(args.get("api", "http://127.0.0.1:8081"), args.get("ingestion", "http://127.0.0.1:8082"),
                    args.get("dashboard", "http://127.0.0.1:8080"), key, Path.of(args.get("data-dir", "data")), backfill,
                    rate, args.integer("seed", (int) System.nanoTime()), args.onOff("faults", true), !args.flag("no-live"));
        }
    }

    private DemoCommand() {
    }

    public static Setup run(Settings settings) {
        ProvisioningClient api = new ProvisioningClient(settings.apiUrl(), settings.adminKey(), new Backoff(10));
        SiteProvisioner provisioner = new SiteProvisioner(api);
        String site = DemoSite.SITE_ID;
        int interval = (int) Math.max(1, Math.round(settings.rate().toMillis() / 1000.0));
        boolean created = provisioner.ensureSite(DemoSite.SITE);
        int sensors = provisioner.ensureSensors(site, DemoSite.SENSOR_PREFIX, BoilerSensors.ALL, interval);
        Path tokenFile = settings.dataDir().resolve("demo-gateway-token");
        String token = provisioner.ensureGateway(site, DemoSite.GATEWAY_NAME, tokenFile, created);
        int rules = DemoSite.ensureRules(api, site);
        BoilerDesign design = BoilerDesign.typical(ZoneId.of(DemoSite.SITE.timezone()));
        DemoSite.ensureAnalyticsConfig(api, site, design);
        String password = OperatorLogin.ensure(api, DemoSite.OPERATOR, site,
                settings.dataDir().resolve("demo-operator-password"));

        BoilerModel model = new BoilerModel(design, BoilerSensors.ALL, settings.seed(), settings.faults());
        SiteFeed feed = new SiteFeed(site, DemoSite.SENSOR_PREFIX, token, model,
                new IngestionClient(settings.ingestionUrl(), new Backoff(10)),
                () -> provisioner.renewGateway(site, DemoSite.GATEWAY_NAME, tokenFile));
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        // A site created now has no readings, whatever Redis may still hold from an earlier one of that name.
        Instant from = created ? now.minus(settings.backfill()) : backfillStart(api, site, now, settings);
        if (settings.faults()) {
            // Something to see at once (docs/DOMAIN.md "Sensor types"): a new site's boiler has been fouling
            // since its back-fill began, and on every start the O2 trim misbehaves a minute into the live feed.
            if (created) {
                model.faults().add(new Fault.Fouling(from, Duration.ofHours(4), from.plus(Duration.ofHours(6)), 35));
            }
            model.faults().add(model.faults().o2Excursion(now.plus(Duration.ofMinutes(1))));
        }
        if (from.isBefore(now)) {
            feed.backfill(from, now, settings.rate());
        }
        banner(settings, password);
        Setup setup = new Setup(created, sensors, rules, token, password, feed);
        if (settings.live()) {
            LiveLoop.run(List.of(feed), settings.rate());
        }
        return setup;
    }

    /**
     * Where the back-fill starts: {@code backfill} ago, or just after the site's newest reading when that
     * is later, so a restart only fills the gap (re-sending is harmless anyway, docs/API.md "Gateways").
     * The newest reading is the latest values' (Redis, 5 minutes) or else the last minute bucket of the
     * steam pressure's history with a reading in it.
     */
    static Instant backfillStart(ProvisioningClient api, String site, Instant now, Settings settings) {
        Instant from = now.minus(settings.backfill());
        Instant newest = null;
        ApiResponse latest = api.get("/sites/" + site + "/latest");
        if (latest.ok()) {
            for (JsonNode reading : latest.body().path("readings")) {
                JsonNode at = reading.path("timestamp");
                if (at.isString()) {
                    Instant seen = Instant.parse(at.stringValue());
                    newest = newest == null || seen.isAfter(newest) ? seen : newest;
                }
            }
        }
        if (newest == null) {
            newest = newestInHistory(api, site, from, now);
        }
        if (newest != null && newest.plus(settings.rate()).isAfter(from)) {
            from = newest.plus(settings.rate()).truncatedTo(ChronoUnit.SECONDS);
        }
        return from;
    }

    /** The start of the newest history bucket of the steam pressure with a reading (buckets ≤ 1,000), or null. */
    private static Instant newestInHistory(ProvisioningClient api, String site, Instant from, Instant now) {
        long minutes = Math.max(1, (Duration.between(from, now).toMinutes() + 999) / 1000);
        ApiResponse history;
        try {
            history = api.get("/sites/" + site + "/sensors/" + DemoSite.SENSOR_PREFIX + "-steam-pressure/readings?from="
                    + from + "&to=" + now + "&interval=" + minutes + "m&aggregate=count");
        } catch (ProvisioningException e) {
            // The history API needs ai-processor; without it the whole window is sent again (overwriting, harmless).
            Log.warn(e.getMessage() + " — back-filling the whole window");
            return null;
        }
        Instant newest = null;
        if (history.ok()) {
            for (JsonNode point : history.body().path("points")) {
                if (point.path("value").isNumber() && point.path("value").asDouble() > 0 && point.path("timestamp").isString()) {
                    // The bucket's start: its later readings are sent again, which overwrites and never misses one.
                    newest = OffsetDateTime.parse(point.path("timestamp").stringValue()).toInstant();
                }
            }
        }
        return newest;
    }

    private static void banner(Settings settings, String password) {
        String dashboard = settings.dashboardUrl();
        System.out.println();
        System.out.println("=== SteamBytes demo: " + DemoSite.SITE.name() + " is live ===");
        System.out.println("  Dashboard:  " + dashboard + "   login: " + DemoSite.OPERATOR + " / " + password
                + "   (kept in " + settings.dataDir().resolve("demo-operator-password") + ")");
        System.out.println("  The site:   " + dashboard + "/sites/" + DemoSite.SITE_ID);
        System.out.println("  API:        " + settings.apiUrl() + "/swagger-ui.html");
        System.out.println("  Ingestion:  " + settings.ingestionUrl() + "/api/v1/readings   (gateway token in "
                + settings.dataDir().resolve("demo-gateway-token") + ")");
        System.out.println("  Alert e-mails go to " + DemoSite.ON_CALL);
        System.out.println();
    }
}
