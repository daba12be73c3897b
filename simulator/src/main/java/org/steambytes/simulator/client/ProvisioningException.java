package org.steambytes.simulator.client;

/** A provisioning step frontend-api refused or never answered. */
public final class ProvisioningException extends RuntimeException {

    public ProvisioningException(String message) {
        super(message);
    }
}
