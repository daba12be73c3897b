package org.steambytes.ingestion.gateway;

import java.util.Optional;
import org.springframework.stereotype.Component;

/** The gateway behind a token, for the channels that carry the token in the message (MQTT) rather than in HTTP. */
@Component
public class GatewayTokens {

    private final GatewayDirectory directory;

    GatewayTokens(GatewayDirectory directory) {
        this.directory = directory;
    }

    /** The token's gateway, empty when unknown or revoked; throws MetadataUnavailableException when it cannot be told. */
    public Optional<Gateway> find(String token) {
        return directory.findByToken(token);
    }
}
