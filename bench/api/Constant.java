import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * The physical floor for bench/api/run: the JDK's own HTTP server answering a constant JSON body
 * (the size of a liveness answer) on the same machine, with the same wrk settings. No framework,
 * no security, no logging: what HTTP over loopback costs this host.
 *   java bench/api/Constant.java PORT
 */
public class Constant {
    public static void main(String[] args) throws Exception {
        // Without it the JDK server's separate writes of headers and body meet Nagle's algorithm and the
        // client's delayed ACK: ~40 ms a request (measured here: 78 req/s, p50 48 ms).
        System.setProperty("sun.net.httpserver.nodelay", "true");
        byte[] body = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 128);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (var out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        System.out.println("constant server on " + args[0]);
    }
}
