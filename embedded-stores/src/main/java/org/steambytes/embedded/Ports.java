package org.steambytes.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Port choice: a configured port as given, else the default when it is free, else any free port. */
final class Ports {

    private Ports() {
    }

    /** A configured port, or 0 when none is. */
    static int configured(String text) {
        return text == null || text.isBlank() ? 0 : Integer.parseInt(text.trim());
    }

    /** {@code configured} if it is not 0, else {@code preferred} when free, else any free port. */
    static int choose(int configured, int preferred) {
        if (configured != 0) {
            return configured;
        }
        return isFree(preferred) ? preferred : free();
    }

    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }
}
