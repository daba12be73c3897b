package org.steambytes.simulator.demo;

import java.nio.file.Path;
import java.security.SecureRandom;
import org.steambytes.simulator.client.ApiResponse;
import org.steambytes.simulator.client.Json;
import org.steambytes.simulator.client.ProvisioningClient;
import org.steambytes.simulator.log.Log;
import tools.jackson.databind.node.ObjectNode;

/**
 * The demo's dashboard login: user {@code operator} with role operator on the demo site (docs/API.md
 * "Integrators", users), its generated password kept in {@code passwordFile} (mode 600). An existing
 * user keeps its password while the file has it; a lost file gets a new password.
 */
public final class OperatorLogin {

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private OperatorLogin() {
    }

    /** The operator's password, after making sure the user exists with it. */
    public static String ensure(ProvisioningClient api, String username, String siteId, Path passwordFile) {
        ApiResponse existing = api.get("/users/" + username);
        if (existing.status() != 404) {
            api.expect(existing, "reading user " + username);
        }
        var kept = SecretFiles.read(passwordFile);
        if (existing.ok() && kept.isPresent()) {
            return kept.get();
        }
        String password = kept.orElseGet(OperatorLogin::generate);
        ObjectNode body = Json.object().put("password", password).put("role", "operator");
        body.putArray("site_ids").add(siteId);
        if (existing.ok()) {
            api.expect(api.put("/users/" + username, body), "setting the password of " + username);
            Log.info("gave dashboard user " + username + " a new password (the old one was not kept)");
        } else {
            api.expect(api.post("/users", body.put("username", username)), "creating dashboard user " + username);
            Log.info("created dashboard user " + username + " (operator of " + siteId + ")");
        }
        SecretFiles.write(passwordFile, password);
        return password;
    }

    static String generate() {
        StringBuilder password = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
