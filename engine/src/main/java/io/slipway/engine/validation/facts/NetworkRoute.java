package io.slipway.engine.validation.facts;

import io.slipway.engine.design.DocRef;
import io.slipway.engine.design.model.Network;
import io.slipway.engine.net.Ip;

/** One (rendered) route of a network; {@code gatewayIp} is null when absent or not an address. */
public record NetworkRoute(String network, DocRef doc, Network.Route route, Ip gatewayIp, String allRoutes) {

    public String gateway() {
        return route.gateway();
    }
}
