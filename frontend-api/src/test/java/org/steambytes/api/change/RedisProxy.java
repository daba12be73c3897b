package org.steambytes.api.change;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay in front of the real Redis that a test can freeze (bytes are swallowed, connections stay
 * open: a network partition nobody notices) or cut (every connection closed, new ones closed as soon as
 * they are accepted) and then resume, without touching the Redis everyone else uses.
 *
 * <p>The listening socket stays open for the relay's whole life: closing it and binding the same port
 * again on resume failed now and then with "Address already in use" (a reconnecting client's ephemeral
 * source port may be the very port nobody listens on while cut).
 */
final class RedisProxy implements AutoCloseable {

    private final String targetHost;
    private final int targetPort;
    private final int port;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final ServerSocket server;
    private volatile boolean frozen;
    private volatile boolean cut;

    RedisProxy(String targetHost, int targetPort) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.server = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        this.port = server.getLocalPort();
        daemon(this::accept);
    }

    int port() {
        return port;
    }

    void freeze() {
        frozen = true;
    }

    /** Closes every connection and closes new ones at once until {@link #resume()}. */
    void cut() throws IOException {
        cut = true;
        closeConnections();
    }

    void resume() {
        frozen = false;
        cut = false;
    }

    private void closeConnections() throws IOException {
        for (Socket socket : sockets) {
            socket.close();
        }
        sockets.clear();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                if (cut) {
                    client.close();
                    continue;
                }
                sockets.add(client);
                Socket upstream = new Socket(targetHost, targetPort);
                sockets.add(upstream);
                pump(client, upstream);
                pump(upstream, client);
            } catch (IOException e) {
                if (server.isClosed()) {
                    return;
                }
                // Redis itself refused: the client's connection is closed when the test cuts or ends
            }
        }
    }

    private void pump(Socket from, Socket to) {
        daemon(() -> {
            byte[] buffer = new byte[8192];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    if (!frozen) {
                        out.write(buffer, 0, read);
                        out.flush();
                    }
                }
            } catch (IOException e) {
                // one side closed: close the other
            }
            try {
                from.close();
                to.close();
            } catch (IOException ignored) {
                // already closed
            }
        });
    }

    private static void daemon(Runnable work) {
        Thread thread = new Thread(work, "redis-proxy");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() throws IOException {
        server.close();
        closeConnections();
    }
}
