package org.steambytes.simulator;

import org.steambytes.simulator.client.ProvisioningException;
import org.steambytes.simulator.log.Log;

/** {@code java -jar simulator-*-exec.jar run|demo|--help} (docs/SIMULATOR.md). */
public final class SimulatorMain {

    static final String HELP = """
            SteamBytes boiler simulator: realistic boiler readings through the real ingestion API.

            Usage:
              java -jar simulator/target/simulator-*-exec.jar run  [options]
              java -jar simulator/target/simulator-*-exec.jar demo [options]
              java -jar simulator/target/simulator-*-exec.jar --help

            run   Feed one or more existing sites (their sensors must exist, ids <prefix>-<suffix>: b1-steam-pressure,
                  b1-steam-temp, b1-steam-flow, b1-feedwater-flow, b1-feedwater-temp, b1-drum-level, b1-flue-gas-temp,
                  b1-o2, b1-co, b1-fuel-flow, b1-conductivity, b1-ambient-temp, b1-burner), or provision them.
              --url URL            iot-ingestion (default http://127.0.0.1:8082)
              --token TOKEN        a gateway token gw_… (or STEAMBYTES_GATEWAY_TOKEN); feeds the token's site
              --site SITE_ID       send this site_id (default: left out, the token's site)
              --token-file FILE    one site per line: "<site_id> <token>" (# comments allowed)
              --sites N            feed N sites: the first N of --token-file, or N provisioned sites
              --provision          create sites sim-site-1…N (--site-prefix), their sensors and a gateway each
                                   through frontend-api (idempotent; tokens kept in <data-dir>/simulator-tokens/)
              --api URL            frontend-api for --provision (default http://127.0.0.1:8081)
              --admin-key KEY      an admin API key of all sites (or STEAMBYTES_ADMIN_API_KEY)
              --prefix P           sensor id prefix (default b1)
              --sensors T,T,…      only these sensor types (default all of the above)
              --timezone ZONE      the site's IANA zone for the daily load swing (default Europe/Berlin)
              --backfill D         first post the last D of history in catch-up batches (default 0)
              --retries N          attempts per batch on 503 / connection errors (default 8)

            demo  Provision the demo boiler house (site demo-boiler-house, Europe/Berlin, on-call
                  on-call@demo.steambytes.local; 13 sensors; gateway "demo-simulator"; threshold, frozen, anomaly,
                  no_data and efficiency_drop rules; calorific value 36 MJ/Nm³; dashboard user "operator"),
                  back-fill its history, print the logins and URLs, then feed it live. Idempotent: a second
                  start creates nothing twice and only fills the gap since the last reading.
                  Does nothing when STEAMBYTES_DEMO=false.
              --api URL            frontend-api (default http://127.0.0.1:8081)
              --ingestion URL      iot-ingestion (default http://127.0.0.1:8082)
              --dashboard URL      frontend-web, for the printed links (default http://127.0.0.1:8080)
              --admin-key KEY      an admin API key of all sites (or STEAMBYTES_ADMIN_API_KEY)
              --data-dir DIR       where demo-gateway-token and demo-operator-password are kept, mode 600 (default data)
              --backfill D         history to back-fill on first start (default 2h, at most 29d)
              --no-live            provision and back-fill, then exit

            Both:
              --rate D             time between two readings of a sensor (default 10 = 10 s; 2.5, 500ms, 1m …)
              --faults on|off      now and then a fault: flue-gas fouling drift (hours), an O2 excursion
                                   (minutes), a frozen transmitter (default on)
              --seed N             seed of the random numbers: the same seed gives the same boiler

            Durations: 90 or 2.5 (seconds), 500ms, 45s, 30m, 2h, 1d.
            Batches are retried on 503 (after Retry-After) and connection errors; any other refusal is logged
            with its problem+json and the simulator goes on.
            """;

    private SimulatorMain() {
    }

    public static void main(String[] argv) {
        System.exit(run(argv));
    }

    static int run(String... argv) {
        try {
            Args args = Args.parse(argv);
            if (args.flag("help") || args.command() == null || args.command().equals("help")) {
                System.out.print(HELP);
                return args.command() == null && !args.flag("help") ? 2 : 0;
            }
            switch (args.command()) {
                case "run" -> RunCommand.run(args);
                case "demo" -> {
                    if ("false".equalsIgnoreCase(System.getenv("STEAMBYTES_DEMO"))) {
                        Log.info("STEAMBYTES_DEMO=false: no demo");
                        return 0;
                    }
                    DemoCommand.run(DemoCommand.Settings.of(args));
                }
                default -> throw new Args.UsageException("unknown command " + args.command());
            }
            return 0;
        } catch (Args.UsageException e) {
            System.err.println("simulator: " + e.getMessage() + " (see --help)");
            return 2;
        } catch (ProvisioningException e) {
            System.err.println("simulator: " + e.getMessage());
            return 1;
        }
    }
}
