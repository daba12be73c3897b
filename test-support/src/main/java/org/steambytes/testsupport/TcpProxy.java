package org.steambytes.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A plain TCP forwarder between a service under test and a real server. {@link #stop()} closes the
 * listening port and every open connection, so from the service's side the dependency is gone
 * exactly as if the server had stopped; {@link #start()} brings it back on the same port.
 */
public final class TcpProxy implements AutoCloseable {

    private final String targetHost;
    private final int targetPort;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final java.io.ByteArrayOutputStream clientBytes = new java.io.ByteArrayOutputStream();
    private volatile int port;
    private volatile ServerSocket server;
    private RefusingPort stoppedPort;

    private TcpProxy(String targetHost, int targetPort) {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
    }

    public static TcpProxy to(String host, int port) {
        TcpProxy proxy = new TcpProxy(host, port);
        proxy.start();
        return proxy;
    }

    public int port() {
        return port;
    }

    public synchronized void start() {
        if (server != null) {
            return;
        }
        if (stoppedPort != null) {
            stoppedPort.close();
            stoppedPort = null;
        }
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            port = socket.getLocalPort();
            server = socket;
            Thread acceptor = new Thread(() -> accept(socket), "tcp-proxy-" + port);
            acceptor.setDaemon(true);
            acceptor.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on " + port, e);
        }
    }

    public synchronized void stop() {
        if (server == null) {
            return;
        }
        closeQuietly(server);
        server = null;
        sockets.forEach(TcpProxy::closeQuietly);
        sockets.clear();
        // Held, so nothing else on the machine takes the port and answers while "the server is down".
        try {
            stoppedPort = RefusingPort.hold(port);
        } catch (java.io.UncheckedIOException e) {
            stoppedPort = null; // the port stays free: start() binds it again as before
        }
    }

    @Override
    public synchronized void close() {
        stop();
        if (stoppedPort != null) {
            stoppedPort.close();
            stoppedPort = null;
        }
    }

    private void accept(ServerSocket listening) {
        while (!listening.isClosed()) {
            try {
                Socket client = listening.accept();
                Socket upstream;
                try {
                    upstream = new Socket(targetHost, targetPort);
                } catch (IOException e) {
                    closeQuietly(client);
                    continue;
                }
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                if (!track(listening, client, upstream)) {
                    return; // stop() came while this connection was being made: it must not outlive it
                }
                pump(client, upstream, true);
                pump(upstream, client, false);
            } catch (IOException e) {
                return; // listening socket closed by stop()
            }
        }
    }

    private synchronized boolean track(ServerSocket listening, Socket client, Socket upstream) {
        if (server != listening) {
            closeQuietly(client);
            closeQuietly(upstream);
            return false;
        }
        sockets.add(client);
        sockets.add(upstream);
        return true;
    }

    /** Everything clients have sent through this proxy so far (to check what went over the wire). */
    public String clientTraffic() {
        synchronized (clientBytes) {
            return clientBytes.toString(java.nio.charset.StandardCharsets.ISO_8859_1);
        }
    }

    private void pump(Socket from, Socket to, boolean fromClient) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    if (fromClient) {
                        synchronized (clientBytes) {
                            clientBytes.write(buffer, 0, read);
                        }
                    }
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException ignored) {
                // one side went away: close both below
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                sockets.remove(from);
                sockets.remove(to);
            }
        }, "tcp-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // already closed
        }
    }
}
