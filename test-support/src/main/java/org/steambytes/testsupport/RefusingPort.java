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

    public static RefusingPort reserve() {
        Socket socket = new Socket();
        try {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return new RefusingPort(socket);
        } catch (IOException e) {
            TcpProxy.closeQuietly(socket);
            throw new UncheckedIOException("cannot reserve a loopback port", e);
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
