package io.slipway.engine.site;

import io.slipway.drivers.spi.node.SiteSpec;
import io.slipway.engine.design.model.Network;
import io.slipway.engine.design.model.Region;
import io.slipway.engine.effective.EffectiveDesign;
import java.util.Arrays;
import java.util.List;

/** Translates the site-wide parts of a design into the bootstrapper's {@link SiteSpec}. */
public final class SiteSpecs {
    private SiteSpecs() {}

    public static SiteSpec of(EffectiveDesign d) {
        Region region =
                d.design().regions().isEmpty() ? null : d.design().regions().get(0);
        List<SiteSpec.NetworkSpec> networks =
                d.networks().stream().map(SiteSpecs::network).toList();
        List<SiteSpec.RepoSpec> repos = region == null
                ? List.of()
                : region.repositories().stream()
                        .map(r -> new SiteSpec.RepoSpec(
                                r.name(), r.url(), r.repoType(), r.distributions(), r.components(), r.gpgkey()))
                        .toList();
        return new SiteSpec(
                region == null ? "default" : region.name(),
                networks,
                region == null ? List.of() : region.authorizedKeys(),
                repos);
    }

    private static SiteSpec.NetworkSpec network(Network n) {
        List<SiteSpec.Range> ranges = n.ranges().stream()
                .map(r -> new SiteSpec.Range(r.type(), r.start(), r.end()))
                .toList();
        List<SiteSpec.Route> routes = n.routes().stream()
                .filter(r -> r.subnet() != null)
                .map(r -> new SiteSpec.Route(r.subnet(), r.gateway(), r.metric() == null ? 0 : r.metric()))
                .toList();
        List<String> dns = n.dnsServers() == null
                ? List.of()
                : Arrays.stream(n.dnsServers().split(",")).map(String::trim).toList();
        return new SiteSpec.NetworkSpec(
                n.name(),
                n.cidr(),
                n.vlan(),
                n.mtu() == null ? 1500 : n.mtu(),
                ranges,
                routes,
                n.dnsDomain(),
                dns,
                n.dhcpRelayUpstreamTarget());
    }
}
