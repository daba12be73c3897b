package org.steambytes.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.steambytes.simulator.client.Backoff;
import org.steambytes.simulator.client.IngestionClient;
import org.steambytes.simulator.client.ProvisioningClient;
import org.steambytes.simulator.demo.SiteProvisioner;
import org.steambytes.simulator.demo.SiteSpec;
import org.steambytes.simulator.signal.BoilerDesign;
import org.steambytes.simulator.signal.BoilerModel;
import org.steambytes.simulator.signal.BoilerSensor;
import org.steambytes.simulator.signal.BoilerSensors;

/**
 * {@code run}: feeds one or more sites of any SteamBytes with simulated boilers — with a gateway token
 * given (one site), a token file (a site per line), or sites it provisions itself through frontend-api
 * ({@code --provision}).
 */
public final class RunCommand {

    /** One site to feed: its id (null: the token's site) and its gateway token. */
    record Target(String siteId, String token) {
    }

    private RunCommand() {
    }

    public static void run(Args args) {
        String url = args.get("url", "http://127.0.0.1:8082");
        Duration rate = args.duration("rate", Duration.ofSeconds(10));
        if (rate.toMillis() < 100) {
            throw new Args.UsageException("--rate must be at least 0.1 s");
        }
        String prefix = args.get("prefix", "b1");
        List<BoilerSensor> sensors = sensors(args.get("sensors", null));
        ZoneId zone = ZoneId.of(args.get("timezone", "Europe/Berlin"));
        long seed = args.integer("seed", (int) System.nanoTime());
        boolean faults = args.onOff("faults", true);
        List<Target> targets = targets(args, sensors, prefix, rate);

        IngestionClient ingestion = new IngestionClient(url, new Backoff(args.integer("retries", 8)));
        List<SiteFeed> feeds = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            Target target = targets.get(i);
            BoilerModel model = new BoilerModel(BoilerDesign.typical(zone), sensors, seed + i, faults);
            feeds.add(new SiteFeed(target.siteId(), prefix, target.token(), model, ingestion, null));
        }
        Duration backfill = args.duration("backfill", Duration.ZERO);
        if (backfill.compareTo(Duration.ofDays(29)) > 0) {
            throw new Args.UsageException("--backfill must be at most 29d (ingestion keeps 30 days)");
        }
        if (!backfill.isZero()) {
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            feeds.forEach(feed -> feed.backfill(now.minus(backfill), now, rate));
        }
        LiveLoop.run(feeds, rate);
    }

    static List<BoilerSensor> sensors(String list) {
        if (list == null) {
            return BoilerSensors.ALL;
        }
        return Arrays.stream(list.split(",")).map(String::trim).filter(type -> !type.isEmpty())
                .map(type -> BoilerSensors.ofType(type).orElseThrow(() -> new Args.UsageException(
                        "--sensors: unknown sensor type " + type + " (known: " + BoilerSensors.ALL.stream()
                                .map(BoilerSensor::sensorType).toList() + ")")))
                .toList();
    }

    static List<Target> targets(Args args, List<BoilerSensor> sensors, String prefix, Duration rate) {
        int sites = args.integer("sites", 1);
        if (sites < 1) {
            throw new Args.UsageException("--sites must be at least 1");
        }
        if (args.flag("provision")) {
            return provision(args, sites, sensors, prefix, rate);
        }
        String tokenFile = args.get("token-file", null);
        if (tokenFile != null) {
            List<Target> targets = readTokenFile(Path.of(tokenFile));
            if (targets.size() < sites) {
                throw new Args.UsageException(tokenFile + " has " + targets.size() + " site(s), --sites asks for " + sites);
            }
            return targets.subList(0, args.get("sites", null) == null ? targets.size() : sites);
        }
        if (sites > 1) {
            throw new Args.UsageException("--sites " + sites + " needs --token-file or --provision");
        }
        String token = args.get("token", System.getenv("STEAMBYTES_GATEWAY_TOKEN"));
        if (token == null || token.isBlank()) {
            throw new Args.UsageException("--token (or --token-file, or --provision) is required");
        }
        return List.of(new Target(args.get("site", null), token));
    }

    /** Lines {@code <site_id> <token>} (or a lone token: the token's site); blank lines and # comments skipped. */
    static List<Target> readTokenFile(Path file) {
        try {
            List<Target> targets = new ArrayList<>();
            for (String line : Files.readAllLines(file)) {
                String trimmed = line.trim();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                String[] parts = trimmed.split("\\s+");
                targets.add(parts.length == 1 ? new Target(null, parts[0]) : new Target(parts[0], parts[1]));
            }
            return targets;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read --token-file " + file, e);
        }
    }

    /** Sites {@code <prefix>-1 … <prefix>-N} (default sim-site), each with the sensors and a gateway; tokens kept under data/. */
    private static List<Target> provision(Args args, int sites, List<BoilerSensor> sensors, String prefix, Duration rate) {
        String key = args.get("admin-key", System.getenv("STEAMBYTES_ADMIN_API_KEY"));
        if (key == null || key.isBlank()) {
            throw new Args.UsageException("--provision needs --admin-key (or STEAMBYTES_ADMIN_API_KEY)");
        }
        SiteProvisioner provisioner = new SiteProvisioner(
                new ProvisioningClient(args.get("api", "http://127.0.0.1:8081"), key, new Backoff(10)));
        Path tokens = Path.of(args.get("data-dir", "data")).resolve("simulator-tokens");
        String sitePrefix = args.get("site-prefix", "sim-site");
        String zone = args.get("timezone", "Europe/Berlin");
        int interval = (int) Math.max(1, Math.round(rate.toMillis() / 1000.0));
        List<Target> targets = new ArrayList<>();
        for (int i = 1; i <= sites; i++) {
            String site = sitePrefix + "-" + i;
            boolean created = provisioner.ensureSite(new SiteSpec(site, "Simulated boiler " + i, zone, "natural_gas",
                    List.of()));
            provisioner.ensureSensors(site, prefix, sensors, interval);
            targets.add(new Target(site, provisioner.ensureGateway(site, "simulator", tokens.resolve(site), created)));
        }
        return targets;
    }
}
