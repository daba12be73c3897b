import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The dashboard benchmark's client side (bench/dashboard/run starts the services and calls this with
 * the frontend-web test classpath: Selenium 4 and Debian's Chromium + chromedriver, never a
 * downloaded browser). Modes:
 * <pre>
 *   bcrypt PASSWORD                                    a {bcrypt} hash as frontend-api stores it
 *   sessions WEB USER_PREFIX COUNT PASSWORD FILE       signs COUNT users in (USER_PREFIX1…), one SESSION cookie a line
 *   tile  WEB INGESTION TOKEN SITE USER PASSWORD SENSORS WARMUP_S SECONDS
 *   page  WEB SITE USER PASSWORD LOADS
 *   sse   WEB INGESTION TOKEN SITE SESSIONS_FILE SENSORS SECONDS WEB_PID
 *   post  INGESTION TOKEN SENSORS SECONDS              the gateway alone (background load)
 * </pre>
 * Times: the gateway's 202 is taken as {@code Instant.now()} (CLOCK_REALTIME, µs); the browser's as
 * {@code performance.timeOrigin + performance.now()}; both on this machine's one clock.
 */
public class DashboardBench {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "bcrypt" -> System.out.println("{bcrypt}" + new BCryptPasswordEncoder().encode(args[1]));
            case "sessions" -> sessions(args[1], args[2], Integer.parseInt(args[3]), args[4], Path.of(args[5]));
            case "tile" -> tile(args[1], args[2], args[3], args[4], args[5], args[6], Integer.parseInt(args[7]),
                    Integer.parseInt(args[8]), Integer.parseInt(args[9]));
            case "page" -> page(args[1], args[2], args[3], args[4], Integer.parseInt(args[5]));
            case "sse" -> sse(args[1], args[2], args[3], args[4], Path.of(args[5]), Integer.parseInt(args[6]),
                    Integer.parseInt(args[7]), args[8]);
            case "post" -> {
                Gateway gateway = new Gateway(args[1], args[2], Integer.parseInt(args[3]));
                gateway.start();
                Thread.sleep(Integer.parseInt(args[4]) * 1000L);
                gateway.stop();
                System.out.printf("[post] %d readings posted, %d refused%n", gateway.posted.get(), gateway.failed.get());
            }
            default -> throw new IllegalArgumentException(args[0]);
        }
        System.exit(0);
    }

    // ---------------------------------------------------------------- the gateway

    /**
     * SENSORS sensors (s01…), each posting one reading a second as its own request, the sensors
     * spread evenly over the second. Sensor i's k-th value is {@code 1 + k / 100}: unique on its tile
     * (the tile shows two decimals below 100) and decoded back to k from the text or the event.
     */
    static final class Gateway {
        final String url;
        final String token;
        final int sensors;
        final ScheduledExecutorService timer = Executors.newScheduledThreadPool(4);
        final AtomicInteger[] sequence;
        /** (sensor, k) → the 202's arrival, epoch µs. */
        final Map<Long, Long> accepted = new ConcurrentHashMap<>();
        final AtomicLong posted = new AtomicLong();
        final AtomicLong failed = new AtomicLong();

        Gateway(String url, String token, int sensors) {
            this.url = url + "/api/v1/readings";
            this.token = token;
            this.sensors = sensors;
            this.sequence = new AtomicInteger[sensors];
            for (int i = 0; i < sensors; i++) {
                sequence[i] = new AtomicInteger();
            }
        }

        static String sensorId(int i) {
            return String.format("s%02d", i + 1);
        }

        static long key(int sensor, int k) {
            return sensor * 1_000_000L + k;
        }

        void start() {
            for (int i = 0; i < sensors; i++) {
                int sensor = i;
                timer.scheduleAtFixedRate(() -> post(sensor), i * 1000L / sensors, 1000, TimeUnit.MILLISECONDS);
            }
        }

        void stop() throws InterruptedException {
            timer.shutdown();
            timer.awaitTermination(10, TimeUnit.SECONDS);
        }

        void post(int sensor) {
            int k = sequence[sensor].incrementAndGet();
            String body = String.format(Locale.ROOT, "{\"readings\":[{\"sensor_id\":\"%s\",\"value\":%.2f}]}",
                    sensorId(sensor), 1 + k / 100.0);
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            try {
                HttpResponse<Void> response = HTTP.send(request, HttpResponse.BodyHandlers.discarding());
                long at = micros(Instant.now());
                if (response.statusCode() == 202) {
                    accepted.put(key(sensor, k), at);
                    posted.incrementAndGet();
                } else {
                    failed.incrementAndGet();
                }
            } catch (IOException | InterruptedException e) {
                failed.incrementAndGet();
            }
        }
    }

    static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
    }

    // ---------------------------------------------------------------- 1. reading → tile

    /** Recorded in the page: per changed tile value, its sensor, text, the mutation's time and the next frame's. */
    static final String OBSERVER = """
            window.__seen = [];
            const stamp = () => performance.timeOrigin + performance.now();
            new MutationObserver(mutations => {
              const t = stamp();
              const batch = [];
              for (const m of mutations) {
                const value = (m.target.nodeType === 1 ? m.target : m.target.parentElement).closest('.tile-value');
                if (!value) continue;
                batch.push([value.closest('.tile').dataset.sensorId, value.textContent, t, 0]);
              }
              if (!batch.length) return;
              window.__seen.push(...batch);
              requestAnimationFrame(() => { const f = stamp(); batch.forEach(b => b[3] = f); });
            }).observe(document.querySelector('.tiles'), { childList: true, characterData: true, subtree: true });
            return true;""";

    static void tile(String web, String ingestion, String token, String site, String user, String password, int sensors,
            int warmupS, int seconds) throws Exception {
        ChromeDriver browser = chromium();
        try {
            signIn(browser, web, user, password);
            browser.get(web + "/sites/" + site);
            waitFor(browser, "return document.getElementById('live-status').textContent === 'Live.'", 30);
            browser.executeScript(OBSERVER);
            Gateway gateway = new Gateway(ingestion, token, sensors);
            List<double[]> latencies = new ArrayList<>(); // [mutation ms, frame ms]
            long measureFrom = micros(Instant.now()) + warmupS * 1_000_000L;
            long end = System.nanoTime() + (warmupS + seconds) * 1_000_000_000L;
            double maxDrift = 0;
            int unmatched = 0;
            gateway.start();
            List<List<Object>> pendingFrames = new ArrayList<>();
            while (true) {
                boolean last = System.nanoTime() > end;
                if (last) {
                    gateway.stop();
                    Thread.sleep(3000); // the last readings' way to the tile
                }
                Thread.sleep(last ? 0 : 2000);
                @SuppressWarnings("unchecked")
                Map<String, Object> drained = (Map<String, Object>) browser.executeScript(
                        "const now = performance.timeOrigin + performance.now(); const d = Date.now();"
                        + "const done = window.__seen.filter(s => s[3] > 0);"
                        + "window.__seen = window.__seen.filter(s => s[3] === 0);"
                        + "return {seen: done, drift: now - d};");
                maxDrift = Math.max(maxDrift, Math.abs(((Number) drained.get("drift")).doubleValue()));
                @SuppressWarnings("unchecked")
                List<List<Object>> seen = (List<List<Object>>) drained.get("seen");
                pendingFrames.addAll(seen);
                List<List<Object>> early = new ArrayList<>();
                for (List<Object> s : pendingFrames) {
                    int sensor = Integer.parseInt(((String) s.get(0)).substring(1)) - 1;
                    int k = (int) Math.round(Double.parseDouble((String) s.get(1)) * 100) - 100;
                    Long sent = gateway.accepted.remove(Gateway.key(sensor, k));
                    if (sent == null) {
                        // shown before the poster thread noted its 202 (the stream entry can overtake the
                        // response): matched in the next round
                        if (last) {
                            unmatched++;
                        } else {
                            early.add(s);
                        }
                        continue;
                    }
                    if (sent < measureFrom) {
                        continue;
                    }
                    double mutation = ((Number) s.get(2)).doubleValue() - sent / 1000.0;
                    double frame = ((Number) s.get(3)).doubleValue() - sent / 1000.0;
                    latencies.add(new double[] {mutation, frame});
                }
                pendingFrames = early;
                if (last) {
                    break;
                }
            }
            long missing = gateway.accepted.values().stream().filter(sent -> sent >= measureFrom).count();
            List<Double> shown = latencies.stream().map(l -> l[0]).sorted().toList();
            List<Double> painted = latencies.stream().map(l -> l[1]).sorted().toList();
            System.out.printf(Locale.ROOT, "reading → tile: %d values over %d s (after %d s warm-up), %d sensors × 1/s; "
                    + "never shown %d, unmatched %d, refused posts %d; max |timeOrigin+now − Date.now()| %.1f ms%n",
                    shown.size(), seconds, warmupS, sensors, missing, unmatched, gateway.failed.get(), maxDrift);
            System.out.printf(Locale.ROOT, "RESULT tile value-in-DOM p50 %.0f ms p95 %.0f ms p99 %.0f ms max %.0f ms%n",
                    pct(shown, 50), pct(shown, 95), pct(shown, 99), shown.get(shown.size() - 1));
            System.out.printf(Locale.ROOT, "RESULT tile next-frame p50 %.0f ms p95 %.0f ms p99 %.0f ms max %.0f ms%n",
                    pct(painted, 50), pct(painted, 95), pct(painted, 99), painted.get(painted.size() - 1));
        } finally {
            browser.quit();
        }
    }

    // ---------------------------------------------------------------- 2. the site page in Chromium

    /**
     * Injected before the page's own scripts: when every chart figure carries site.js's
     * {@code data-drawn} (set right after its uPlot is built) and the next frame has run, the page is
     * usable; the time is taken in the page (ms since navigation start).
     */
    static final String USABLE = """
            window.__usable = 0;
            new MutationObserver((mutations, observer) => {
              const charts = document.querySelectorAll('.chart');
              if (!charts.length) return;
              if (![...charts].every(c => c.dataset.drawn !== undefined)) return;
              observer.disconnect();
              requestAnimationFrame(() => setTimeout(() => { window.__usable = performance.now(); }, 0));
            }).observe(document, { attributes: true, attributeFilter: ['data-drawn'], subtree: true });""";

    static final String TIMINGS = """
            const nav = performance.getEntriesByType('navigation')[0];
            const res = performance.getEntriesByType('resource');
            const history = res.filter(r => r.name.includes('/history?'));
            const charts = [...document.querySelectorAll('.chart')];
            return {usable: window.__usable, ttfb: nav.responseStart, html: nav.responseEnd,
              dcl: nav.domContentLoadedEventEnd, load: nav.loadEventEnd, resources: res.length,
              fetches: history.length, fetchStart: Math.min(...history.map(r => r.startTime)),
              fetchEnd: Math.max(...history.map(r => r.responseEnd)),
              slowestFetch: Math.max(...history.map(r => r.responseEnd - r.startTime)),
              // waiting for one of the 6 connections a host gets over HTTP/1.1 (the live stream holds one)
              maxQueued: Math.max(...history.map(r => r.requestStart - r.startTime)),
              medianServer: history.map(r => r.responseStart - r.requestStart).sort((a, b) => a - b)[history.length >> 1],
              points: charts.reduce((n, c) => n + Number(c.dataset.drawn || 0), 0), charts: charts.length,
              failed: charts.filter(c => c.dataset.drawn === undefined).map(c => c.querySelector('.chart-info').textContent)};""";

    static void page(String web, String site, String user, String password, int loads) throws Exception {
        ChromeDriver browser = chromium();
        try {
            signIn(browser, web, user, password);
            browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", USABLE));
            browser.executeCdpCommand("Network.enable", Map.of());
            for (boolean cold : new boolean[] {true, false}) {
                browser.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", cold));
                // One load first (JIT, connections, and for the warm series the cache), then the measured ones.
                List<Map<String, Object>> runs = new ArrayList<>();
                for (int i = 0; i <= loads; i++) {
                    browser.get(web + "/css/dashboard.css"); // away (the live stream closes), same renderer process
                    Map<String, Double> before = rendererMetrics(browser);
                    browser.get(web + "/sites/" + site);
                    waitFor(browser, "return window.__usable > 0 || [...document.querySelectorAll('.chart-info')]"
                            + ".some(i => /could not|must|no longer/.test(i.textContent))", 60);
                    @SuppressWarnings("unchecked")
                    Map<String, Object> t = (Map<String, Object>) browser.executeScript(TIMINGS);
                    if (!((List<?>) t.get("failed")).isEmpty()) {
                        throw new IllegalStateException("charts not drawn: " + t.get("failed"));
                    }
                    Map<String, Double> after = rendererMetrics(browser);
                    // The renderer's busy time over the load (its main thread: tasks, of which script and layout).
                    Map<String, Object> timings = new java.util.HashMap<>(t);
                    for (String metric : List.of("TaskDuration", "ScriptDuration", "LayoutDuration")) {
                        double was = before.getOrDefault(metric, 0.0), now = after.getOrDefault(metric, 0.0);
                        timings.put(metric, (now >= was ? now - was : now) * 1000); // a new process starts at 0
                    }
                    if (i > 0) {
                        runs.add(timings);
                    }
                }
                String label = cold ? "cache off" : "cache on";
                Map<String, Object> first = runs.get(0);
                System.out.printf(Locale.ROOT, "site page in Chromium (%s), %d loads: %s charts, %s points drawn, %s history fetches, %s resources%n",
                        label, loads, first.get("charts"), first.get("points"), first.get("fetches"), first.get("resources"));
                for (String field : List.of("ttfb", "dcl", "load", "fetchStart", "medianServer", "maxQueued", "slowestFetch", "fetchEnd",
                        "usable", "TaskDuration", "ScriptDuration", "LayoutDuration")) {
                    List<Double> values = runs.stream().map(r -> ((Number) r.get(field)).doubleValue()).sorted().toList();
                    System.out.printf(Locale.ROOT, "RESULT page %s %-14s p50 %6.0f ms p95 %6.0f ms max %6.0f ms%n",
                            cold ? "cold" : "warm", field, pct(values, 50), pct(values, 95), values.get(values.size() - 1));
                }
            }
        } finally {
            browser.quit();
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Double> rendererMetrics(ChromeDriver browser) {
        browser.executeCdpCommand("Performance.enable", Map.of());
        Map<String, Double> out = new java.util.HashMap<>();
        for (Map<String, Object> m : (List<Map<String, Object>>) browser.executeCdpCommand("Performance.getMetrics", Map.of()).get("metrics")) {
            out.put((String) m.get("name"), ((Number) m.get("value")).doubleValue());
        }
        return out;
    }

    // ---------------------------------------------------------------- 3. many SSE connections

    static final class Stream implements Flow.Subscriber<String> {
        final Gateway gateway;
        final CountDownLatch opened;
        volatile boolean counting;
        final AtomicLong events = new AtomicLong();
        final AtomicLong readings = new AtomicLong();
        /** (sensor, k) and arrival (epoch µs) of every reading received while counting; matched with the 202s afterwards. */
        long[] keys = new long[4096];
        long[] arrivals = new long[4096];
        int received;
        volatile boolean ended;
        volatile Throwable error;
        volatile int status;
        private boolean open;
        String event = "message";

        Stream(Gateway gateway, CountDownLatch opened) {
            this.gateway = gateway;
            this.opened = opened;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        static final Pattern READING = Pattern.compile("\"sensor_id\":\"s(\\d+)\",\"value\":([0-9.]+)");

        @Override
        public void onNext(String line) {
            if (line.startsWith(":")) { // the heartbeat the server sends first, and every 20 s
                opened();
            } else if (line.startsWith("event:")) {
                event = line.substring(6).trim();
            } else if (line.startsWith("data:") && event.equals("readings")) {
                long now = micros(Instant.now());
                if (counting) {
                    events.incrementAndGet();
                    Matcher m = READING.matcher(line);
                    while (m.find()) {
                        readings.incrementAndGet();
                        int sensor = Integer.parseInt(m.group(1)) - 1;
                        int k = (int) Math.round(Double.parseDouble(m.group(2)) * 100) - 100;
                        synchronized (this) {
                            if (received == keys.length) {
                                keys = java.util.Arrays.copyOf(keys, received * 2);
                                arrivals = java.util.Arrays.copyOf(arrivals, received * 2);
                            }
                            keys[received] = Gateway.key(sensor, k);
                            arrivals[received++] = now;
                        }
                    }
                }
            } else if (line.isEmpty()) {
                event = "message";
            }
        }

        private void opened() {
            if (!open) {
                open = true;
                opened.countDown();
            }
        }

        @Override
        public void onError(Throwable throwable) {
            error = throwable;
            ended = true;
            opened();
        }

        @Override
        public void onComplete() {
            ended = true;
            opened();
        }
    }

    static void sse(String web, String ingestion, String token, String site, Path sessionsFile, int sensors, int seconds,
            String webPid) throws Exception {
        List<String> sessions = Files.readAllLines(sessionsFile).stream().filter(s -> !s.isBlank()).toList();
        Gateway gateway = new Gateway(ingestion, token, sensors);
        CountDownLatch opened = new CountDownLatch(sessions.size());
        List<Stream> streams = new ArrayList<>();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).executor(Executors.newFixedThreadPool(4)).build();
        long t0 = System.nanoTime();
        for (String session : sessions) {
            Stream stream = new Stream(gateway, opened);
            streams.add(stream);
            HttpRequest request = HttpRequest.newBuilder(URI.create(web + "/sites/" + site + "/live"))
                    .header("Cookie", "SESSION=" + session).header("Accept", "text/event-stream").GET().build();
            client.sendAsync(request, info -> {
                stream.status = info.statusCode();
                return HttpResponse.BodySubscribers.fromLineSubscriber(stream);
            }).whenComplete((response, error) -> {
                if (error != null) {
                    stream.onError(error);
                }
            });
        }
        if (!opened.await(120, TimeUnit.SECONDS)) {
            throw new IllegalStateException(opened.getCount() + " streams did not open");
        }
        long failedToOpen = streams.stream().filter(s -> s.ended || s.status != 200).count();
        System.out.printf(Locale.ROOT, "[sse] %d streams open in %.1f s (%d refused or ended%s)%n", streams.size(),
                (System.nanoTime() - t0) / 1e9, failedToOpen, failedToOpen == 0 ? "" : "; statuses "
                + streams.stream().filter(s -> s.status != 200).map(s -> s.status).distinct().toList());
        heap(webPid, "with the streams open, before readings");
        streams.forEach(s -> s.counting = true);
        gateway.start();
        Thread.sleep(seconds * 1000L);
        gateway.stop();
        Thread.sleep(5000); // the last events' way
        streams.forEach(s -> s.counting = false);
        long posted = gateway.posted.get();
        List<Long> perStream = streams.stream().map(s -> s.readings.get()).sorted().toList();
        long complete = perStream.stream().filter(n -> n == posted).count();
        long alive = streams.stream().filter(s -> !s.ended).count();
        List<Double> all = new ArrayList<>();
        long unmatched = 0;
        for (Stream s : streams) {
            synchronized (s) {
                for (int i = 0; i < s.received; i++) {
                    Long sent = gateway.accepted.get(s.keys[i]);
                    if (sent == null) {
                        unmatched++;
                    } else {
                        all.add((s.arrivals[i] - sent) / 1000.0);
                    }
                }
            }
        }
        Collections.sort(all);
        System.out.printf(Locale.ROOT, "[sse] %d readings posted in %d s (%d refused); %d of %d streams still open%n",
                posted, seconds, gateway.failed.get(), alive, streams.size());
        System.out.printf(Locale.ROOT, "RESULT sse streams %d open %d received-all %d readings-per-stream min %d median %d max %d (posted %d)%n",
                streams.size(), alive, complete, perStream.get(0), perStream.get(perStream.size() / 2),
                perStream.get(perStream.size() - 1), posted);
        System.out.printf(Locale.ROOT, "RESULT sse 202→event p50 %.0f ms p95 %.0f ms p99 %.0f ms max %.0f ms over %d deliveries"
                + " (%d before their 202: min %.0f ms; %d unmatched)%n", pct(all, 50), pct(all, 95), pct(all, 99),
                all.get(all.size() - 1), all.size(), all.stream().filter(l -> l < 0).count(), all.get(0), unmatched);
        heap(webPid, "with the streams open, after readings");
    }

    /** frontend-web's heap after a full GC, while the streams are held (jcmd from the same JDK). */
    static void heap(String pid, String when) throws Exception {
        run("jcmd", pid, "GC.run");
        String info = run("jcmd", pid, "GC.heap_info");
        Matcher used = Pattern.compile("total (\\d+)K, used (\\d+)K").matcher(info);
        if (used.find()) {
            System.out.printf(Locale.ROOT, "RESULT heap %s: used %.1f MiB of %.1f MiB committed (after GC.run)%n", when,
                    Long.parseLong(used.group(2)) / 1024.0, Long.parseLong(used.group(1)) / 1024.0);
        } else {
            System.out.println("[heap] " + info.strip());
        }
    }

    static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return out;
    }

    // ---------------------------------------------------------------- sign-in

    static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"");

    /** Signs the users in through the form (GET /login for the CSRF token, POST /login), one SESSION a line. */
    static void sessions(String web, String prefix, int count, String password, Path file) throws Exception {
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            out.add(session(web, prefix + i, password));
        }
        Files.write(file, out);
        System.out.printf("[sessions] %d users signed in%n", count);
    }

    static String session(String web, String user, String password) throws Exception {
        HttpResponse<String> form = HTTP.send(HttpRequest.newBuilder(URI.create(web + "/login")).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher csrf = CSRF.matcher(form.body());
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on /login");
        }
        String anonymous = cookie(form, "SESSION");
        String body = "username=" + enc(user) + "&password=" + enc(password) + "&_csrf="
                + enc(csrf.group(1) != null ? csrf.group(1) : csrf.group(2));
        HttpResponse<String> signedIn = HTTP.send(HttpRequest.newBuilder(URI.create(web + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", "SESSION=" + anonymous)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        String location = signedIn.headers().firstValue("Location").orElse("");
        if (signedIn.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("sign-in of " + user + " failed: " + signedIn.statusCode() + " " + location);
        }
        String session = cookie(signedIn, "SESSION");
        return session != null ? session : anonymous;
    }

    static String cookie(HttpResponse<?> response, String name) {
        for (String header : response.headers().allValues("Set-Cookie")) {
            if (header.startsWith(name + "=")) {
                return header.substring(name.length() + 1, header.indexOf(';') < 0 ? header.length() : header.indexOf(';'));
            }
        }
        return null;
    }

    static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------- the browser

    static ChromeDriver chromium() throws IOException {
        Path profile = Files.createTempDirectory("bench-dashboard-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getenv().getOrDefault("CHROMIUM_BINARY", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--window-size=1366,900");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getenv().getOrDefault("CHROMEDRIVER_BINARY", "/usr/bin/chromedriver")).toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> { // the profile directory goes with the run
            try (var paths = Files.walk(profile)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException ignored) {
                // best effort
            }
        }));
        return driver;
    }

    static void signIn(ChromeDriver browser, String web, String user, String password) {
        browser.get(web + "/login");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector(".login-form button[type=submit]")).click();
        waitFor(browser, "return location.pathname !== '/login'", 30);
    }

    static void waitFor(JavascriptExecutor browser, String condition, int seconds) {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            Object ok = browser.executeScript(condition);
            if (Boolean.TRUE.equals(ok)) {
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new IllegalStateException("timed out waiting for: " + condition);
    }

    /** Nearest-rank percentile of sorted values. */
    static double pct(List<Double> sorted, double p) {
        int rank = (int) Math.ceil(p / 100 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }
}
