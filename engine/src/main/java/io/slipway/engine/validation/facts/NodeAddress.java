package io.slipway.engine.validation.facts;

import io.slipway.engine.design.DocRef;
import io.slipway.engine.net.Ip;

/**
 * One entry of a node's {@code addressing}. {@code ip} is null for {@code dhcp} and for text that is
 * not an IP address; {@code ipKey} is a canonical form for equality joins; {@code ordinal} orders all
 * addresses of the design (first occurrence wins).
 */
public record NodeAddress(
        int nodeId,
        String node,
        DocRef doc,
        int ordinal,
        String network,
        String address,
        Ip ip,
        boolean dhcp,
        boolean invalid,
        String ipKey) {

    public static NodeAddress of(int nodeId, String node, DocRef doc, int ordinal, String network, String address) {
        boolean dhcp = "dhcp".equalsIgnoreCase(address);
        Ip ip = dhcp ? null : Ip.parse(address);
        return new NodeAddress(
                nodeId,
                node,
                doc,
                ordinal,
                network,
                address,
                ip,
                dhcp,
                !dhcp && ip == null,
                ip == null ? null : ip.key());
    }
}
