package io.slipway.drivers.maas;

import static io.slipway.drivers.maas.SimFixture.join;
import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.drivers.maas.sim.MaasSimulator.Request;
import io.slipway.drivers.spi.node.ApplyStep;
import io.slipway.drivers.spi.node.NodeSpec;
import io.slipway.drivers.spi.node.NodeSpec.Attachment;
import io.slipway.drivers.spi.node.NodeSpec.Nic;
import io.slipway.drivers.spi.node.NodeSpecs;
import io.slipway.drivers.spi.node.SiteSpec;
import io.slipway.drivers.spi.node.SiteSpec.NetworkSpec;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A changed design is brought into MAAS: only what differs is sent. */
class MaasReconcileTest {
    private final SimFixture f = SimFixture.onboard();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void changedAddressIsRelinked() {
        NodeSpec node = NodeSpecs.node(1);
        join(f.driver.prepareSite(NodeSpecs.site()));
        join(f.driver.identify(node));
        join(f.driver.commission(node));
        join(f.driver.apply(node, ApplyStep.NETWORKING));
        f.sim.clearRequests();

        join(f.driver.apply(withPxeAddress(node, "172.16.0.77"), ApplyStep.NETWORKING));

        assertThat(mutations()).extracting(Request::op).containsExactly("unlink_subnet", "link_subnet");
        Request link = mutations().get(1);
        assertThat(link.params().get("ip_address")).containsExactly("172.16.0.77");
        assertThat(link.params().get("default_gateway")).containsExactly("true");
    }

    @Test
    void relayedNetworkPointsItsVlanAtTheUpstreamVlan() {
        join(f.driver.prepareSite(NodeSpecs.site()));
        NetworkSpec relayed = new NetworkSpec(
                "tenant",
                "172.16.20.0/24",
                "120",
                0,
                List.of(new SiteSpec.Range("dhcp", "172.16.20.100", "172.16.20.200")),
                List.of(),
                null,
                List.of(),
                "172.16.0.5");
        f.sim.clearRequests();

        join(f.driver.prepareSite(new SiteSpec("sample", List.of(relayed), List.of(), List.of())));

        Request put = mutations().stream()
                .filter(r -> r.path().endsWith("/vlans/120/"))
                .findFirst()
                .orElseThrow();
        assertThat(put.params()).containsKey("relay_vlan").doesNotContainKey("dhcp_on");
        f.sim.clearRequests();
        join(f.driver.prepareSite(new SiteSpec("sample", List.of(relayed), List.of(), List.of())));
        assertThat(mutations()).isEmpty();
    }

    private List<Request> mutations() {
        return f.sim.requests().stream().filter(r -> !r.method().equals("GET")).toList();
    }

    private static NodeSpec withPxeAddress(NodeSpec n, String address) {
        Nic bond = n.interfaces().get(0);
        Attachment pxe = bond.networks().get(0);
        Attachment moved =
                new Attachment(pxe.network(), pxe.vlan(), pxe.cidr(), address, pxe.gateway(), pxe.mtu(), true);
        Nic changed = new Nic(
                bond.name(),
                bond.slaves(),
                bond.bondMode(),
                bond.bondOptions(),
                bond.mtu(),
                List.of(moved, bond.networks().get(1)));
        return new NodeSpec(
                n.name(),
                n.domain(),
                n.bootMac(),
                n.oobType(),
                n.oobAddress(),
                n.oobParameters(),
                n.rack(),
                List.of(changed),
                n.storage(),
                n.platform(),
                n.tags(),
                n.labels());
    }
}
