package io.slipway.engine.design.model;

import io.slipway.engine.design.DocRef;
import java.util.List;
import java.util.Map;

/** {@code drydock/Network/v1}: an L3 network (subnet) optionally tagged with a VLAN. */
public record Network(
        DocRef doc,
        String name,
        String cidr,
        String vlan,
        Integer mtu,
        String routedomain,
        List<IpRange> ranges,
        String dnsDomain,
        String dnsServers,
        String dhcpRelaySelfIp,
        String dhcpRelayUpstreamTarget,
        List<Route> routes,
        Map<String, String> labels) {

    public static final String DEFAULT_DNS_DOMAIN = "local";

    public record IpRange(String type, String start, String end) {}

    /** A route; {@code routedomain} routes are expanded when the effective design is compiled. */
    public record Route(String subnet, String gateway, Integer metric, String routedomain) {}

    public Network withRoutes(List<Route> newRoutes) {
        return new Network(
                doc,
                name,
                cidr,
                vlan,
                mtu,
                routedomain,
                ranges,
                dnsDomain,
                dnsServers,
                dhcpRelaySelfIp,
                dhcpRelayUpstreamTarget,
                List.copyOf(newRoutes),
                labels);
    }

    public boolean tagged() {
        return vlan != null && !vlan.isBlank();
    }
}
