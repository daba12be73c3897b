package org.steambytes.e2e;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * A run's secrets, generated fresh (none has a default, docs/ARCHITECTURE.md §3): the services' shared
 * internal token, the integrator's bootstrap admin key and the dashboard admin's password.
 */
record SuiteSecrets(String internalToken, String adminApiKey, String adminPassword) {

    private static final SecureRandom RANDOM = new SecureRandom();

    static SuiteSecrets generate() {
        return new SuiteSecrets(random(), "e2e-admin-" + random(), "pw-" + random().substring(0, 24));
    }

    private static String random() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
