package org.steambytes.common.worker;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

/**
 * The default name a replica's workers go by: host and port — the same after a restart (so a replica
 * finds its own unfinished work again), different for two replicas on one host.
 */
public final class ReplicaName {

    private ReplicaName() {
    }

    /**
     * A stream consumer's name: {@link #hostAndPort}, so a replica that crashed reads its own pending
     * entries first after a restart; with a random port ("0", tests) a random name, since the port says
     * nothing then.
     */
    public static String consumer(String port) {
        return "0".equals(port) ? ManagementFactory.getRuntimeMXBean().getName() + "-" + UUID.randomUUID().toString()
                .substring(0, 8) : hostAndPort(port);
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
