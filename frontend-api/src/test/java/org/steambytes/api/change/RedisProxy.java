package org.steambytes.api.change;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay in front of the real Redis that a test can freeze (bytes are swallowed, connections stay
 * open: a network partition nobody notices) or cut (every connection closed, new ones refused) and
 * then resume, without touching the Redis everyone else uses.
 */
final class RedisProxy implements AutoCloseable {

    private final String targetHost;
    private final int targetPort;
    private final int port;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile ServerSocket server;
    private volatile boolean frozen;

    RedisProxy(String targetHost, int targetPort) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        ServerSocket first = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        this.port = first.getLocalPort();
        accept(first);
    }

    int port() {
        return port;
    }

    void freeze() {
        frozen = true;
    }

    /** Closes every connection and refuses new ones until {@link #resume()}. */
    void cut() throws IOException {
        server.close();
        for (Socket socket : sockets) {
            socket.close();
        }
        sockets.clear();
    }

    void resume() throws IOException {
        frozen = false;
        ServerSocket again = new ServerSocket();
        again.setReuseAddress(true);
        again.bind(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port));
        accept(again);
    }

    private void accept(ServerSocket listening) {
        server = listening;
        daemon(() -> {
            while (!listening.isClosed()) {
                try {
                    Socket client = listening.accept();
                    Socket upstream = new Socket(targetHost, targetPort);
                    sockets.add(client);
                    sockets.add(upstream);
                    pump(client, upstream);
                    pump(upstream, client);
                } catch (IOException e) {
                    return;
                }
            }
        });
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
        cut();
    }
}
