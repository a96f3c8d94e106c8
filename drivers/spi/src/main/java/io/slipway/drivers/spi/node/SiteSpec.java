package io.slipway.drivers.spi.node;

import java.util.List;

/** Site-wide resources a bootstrapper prepares ({@link NodeDriver#prepareSite}). */
public record SiteSpec(String name, List<NetworkSpec> networks, List<String> sshKeys, List<RepoSpec> repositories) {

    /** An L3 network: {@code ranges} are {@code static}, {@code dhcp} or {@code reserved}. */
    public record NetworkSpec(
            String name,
            String cidr,
            String vlan,
            int mtu,
            List<Range> ranges,
            List<Route> routes,
            String dnsDomain,
            List<String> dnsServers,
            String dhcpRelayUpstream) {}

    public record Range(String type, String start, String end) {}

    public record Route(String subnet, String gateway, int metric) {}

    /** A package repository (apt). */
    public record RepoSpec(
            String name, String url, String type, List<String> distributions, List<String> components, String gpgKey) {}
}
