package org.steambytes.api.gateway;

import java.time.Clock;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.steambytes.api.audit.AuditAction;
import org.steambytes.api.audit.AuditLog;
import org.steambytes.api.audit.AuditedResource;
import org.steambytes.api.caller.ApiCaller;
import org.steambytes.api.site.Sites;
import org.steambytes.common.problem.ProblemException;
import org.steambytes.common.security.SecretHashing;

/**
 * A site's gateways. The token is generated here, returned once and stored only as its SHA-256;
 * deleting a gateway revokes it (the row stays for the ingestion log), and iot-ingestion stops
 * accepting its token within its 30 s metadata TTL.
 */
@Service
public class Gateways {

    private final GatewayRepository gateways;
    private final Sites sites;
    private final Clock clock;
    private final AuditLog audit;

    Gateways(GatewayRepository gateways, Sites sites, Clock clock, AuditLog audit) {
        this.gateways = gateways;
        this.sites = sites;
        this.clock = clock;
        this.audit = audit;
    }

    /** A new gateway and, once only, its token. */
    public record RegisteredGateway(UUID gatewayId, String token, GatewayView gateway) {
    }

    @Transactional
    public RegisteredGateway register(ApiCaller caller, String siteId, String name) {
        sites.requireVisible(caller, siteId);
        String token = SecretHashing.newSecret("gw_");
        Gateway gateway = gateways.save(new Gateway(UUID.randomUUID(), siteId, name, SecretHashing.sha256Hex(token),
                token.substring(0, 8), clock.instant()));
        GatewayView view = gateway.view();
        audit.record(caller, AuditAction.CREATE, AuditedResource.GATEWAY, view.gatewayId().toString(), siteId, null, view);
        return new RegisteredGateway(view.gatewayId(), token, view);
    }

    @Transactional(readOnly = true)
    public Page<GatewayView> list(ApiCaller caller, String siteId, Pageable pageable) {
        sites.requireVisible(caller, siteId);
        return gateways.findBySiteId(siteId, pageable).map(Gateway::view);
    }

    @Transactional
    public void revoke(ApiCaller caller, String siteId, UUID gatewayId) {
        sites.requireVisible(caller, siteId);
        Gateway gateway = gateways.findByGatewayIdAndSiteId(gatewayId, siteId)
                .orElseThrow(() -> ProblemException.of(HttpStatus.NOT_FOUND, "gateway_not_found",
                        "Site '" + siteId + "' has no gateway " + gatewayId + "."));
        GatewayView before = gateway.view();
        gateway.revoke(clock.instant());
        audit.record(caller, AuditAction.REVOKE, AuditedResource.GATEWAY, gatewayId.toString(), siteId, before, gateway.view());
    }
}
