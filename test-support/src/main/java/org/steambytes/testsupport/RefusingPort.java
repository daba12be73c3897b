package org.steambytes.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * A loopback port where connections are refused, held for as long as this is open. A port freed by
 * closing a listener can be taken again by anything on the machine before the test connects (that
 * made a CI run see a "stopped" InfluxDB answer); a bound socket that never listens keeps the port
 * and the kernel refuses every connection to it.
 */
public final class RefusingPort implements AutoCloseable {

    private final Socket holder;

    private RefusingPort(Socket holder) {
        this.holder = holder;
    }

    /** Any free loopback port. */
    public static RefusingPort reserve() {
        return hold(0);
    }

    /** This loopback port, just given up by a listener (its closed connections may still linger). */
    static RefusingPort hold(int port) {
        Socket socket = new Socket();
        try {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return new RefusingPort(socket);
        } catch (IOException e) {
            TcpProxy.closeQuietly(socket);
            throw new UncheckedIOException("cannot reserve loopback port " + port, e);
        }
    }

    public int port() {
        return holder.getLocalPort();
    }

    @Override
    public void close() {
        TcpProxy.closeQuietly(holder);
    }
}
