package io.slipway.engine.validation.facts;

import io.slipway.engine.design.DocRef;
import io.slipway.engine.effective.EffectiveNode;
import java.util.Locale;

/**
 * Where a node's BMC answers: {@code endpoint} is {@code address:port}, the port as written in
 * {@code oob.port} or {@code default} (the driver's own), so two nodes share a BMC exactly when
 * their endpoints are equal. Null for a node whose BMC has no address.
 */
public record BmcEndpoint(String node, DocRef doc, String endpoint) {
    public static BmcEndpoint of(EffectiveNode n) {
        String address = n.oobAddress();
        if (address == null || address.isBlank() || "dhcp".equalsIgnoreCase(address)) {
            return null;
        }
        String port = n.oobParameters().get("port");
        return new BmcEndpoint(
                n.name(),
                n.doc(),
                address.trim().toLowerCase(Locale.ROOT) + ":"
                        + (port == null || port.isBlank() ? "default" : port.trim()));
    }
}
