package org.steambytes.common.worker;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The default name a replica's workers go by: host and port — the same after a restart (so a replica
 * finds its own unfinished work again), different for two replicas on one host.
 */
public final class ReplicaName {

    private ReplicaName() {
    }

    public static String hostAndPort(String port) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        return host + ":" + port;
    }
}
