package io.slipway.engine.design.model;

import io.slipway.engine.design.DocRef;
import java.util.List;

/** {@code drydock/BaremetalNode/v1}: one server; its name is its hostname. */
public record BaremetalNode(DocRef doc, String name, HostSpec spec, List<Address> addressing, String bootMac) {

    /** An address on a network; {@code dhcp} for DHCP. */
    public record Address(String network, String address) {
        public boolean dhcp() {
            return "dhcp".equalsIgnoreCase(address);
        }
    }
}
