package io.slipway.drivers.maas;

import static io.slipway.drivers.maas.SimFixture.join;
import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.drivers.maas.sim.MaasSimulator.Request;
import io.slipway.drivers.spi.node.ApplyStep;
import io.slipway.drivers.spi.node.NodeSpec;
import io.slipway.drivers.spi.node.NodeSpecs;
import io.slipway.drivers.spi.node.NodeStatus.Phase;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The MAAS calls the driver makes, read from the simulator's request log. */
class MaasCallSequenceTest {
    private final SimFixture f = SimFixture.onboard();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void enlistedMachineGoesFromNewToDeployedWithTheDocumentedCalls() {
        NodeSpec node = NodeSpecs.node(1);
        String id = f.sim.enlist(node.bootMac(), node.oobAddress());
        join(f.driver.prepareSite(NodeSpecs.site()));
        f.sim.clearRequests();

        join(f.driver.identify(node));
        join(f.driver.commission(node));
        for (ApplyStep step : ApplyStep.values()) {
            join(f.driver.apply(node, step));
        }
        assertThat(join(f.driver.deploy(node)).phase()).isEqualTo(Phase.DEPLOYED);

        assertThat(calls(id))
                .containsExactly(
                        "GET machines/?op=power_parameters",
                        // the design's hostname and DNS domain (created by prepareSite)
                        "GET domains/",
                        "PUT machines/{id}/",
                        "POST machines/{id}/?op=commission",
                        "GET nodes/{id}/results/current-commissioning/",
                        // networking: the bond on the untagged VLAN, then a VLAN interface for the tagged network
                        "GET subnets/",
                        "GET nodes/{id}/interfaces/",
                        // the parents move onto the bond's VLAN before MAAS accepts the bond
                        "PUT nodes/{id}/interfaces/{n}/",
                        "PUT nodes/{id}/interfaces/{n}/",
                        "POST nodes/{id}/interfaces/?op=create_bond",
                        "POST nodes/{id}/interfaces/{n}/?op=link_subnet",
                        "GET nodes/{id}/interfaces/",
                        "POST nodes/{id}/interfaces/?op=create_vlan",
                        "POST nodes/{id}/interfaces/{n}/?op=link_subnet",
                        // storage: MAAS's default layout goes, the design's comes
                        "GET nodes/{id}/blockdevices/",
                        "GET nodes/{id}/volume-groups/",
                        "DELETE nodes/{id}/blockdevices/{n}/partition/{n}",
                        "POST nodes/{id}/blockdevices/{n}/partitions/",
                        "POST nodes/{id}/blockdevices/{n}/partition/{n}?op=format",
                        "POST nodes/{id}/blockdevices/{n}/partition/{n}?op=mount",
                        "POST nodes/{id}/blockdevices/{n}/partitions/",
                        "POST nodes/{id}/blockdevices/{n}/partition/{n}?op=format",
                        "POST nodes/{id}/blockdevices/{n}/partition/{n}?op=mount",
                        "POST nodes/{id}/volume-groups/",
                        "POST nodes/{id}/volume-group/{n}/?op=create_logical_volume",
                        "POST nodes/{id}/blockdevices/{n}/?op=format",
                        "POST nodes/{id}/blockdevices/{n}/?op=mount",
                        // platform: catalog check, tags, kernel parameters
                        "GET boot-resources/",
                        "GET tags/",
                        "POST tags/",
                        "POST tags/compute/?op=update_nodes",
                        "POST tags/",
                        "POST tags/node01_kp/?op=update_nodes",
                        "POST machines/?op=allocate",
                        "POST machines/{id}/?op=set_workload_annotations",
                        "POST machines/{id}/?op=deploy");
        assertThat(param("deploy", "distro_series")).containsExactly("jammy");
        assertThat(param("deploy", "hwe_kernel")).containsExactly("ga-22.04");
        assertThat(param("allocate", "system_id")).containsExactly(id);
        assertThat(f.sim.history(id))
                .containsExactly("New", "Commissioning", "Ready", "Allocated", "Deploying", "Deployed");
    }

    @Test
    void prepareSiteCreatesNetworksOnceAndSkipsStaticRanges() {
        join(f.driver.prepareSite(NodeSpecs.site()));
        List<String> first = mutations();
        assertThat(first)
                .containsSubsequence(
                        "POST fabrics/",
                        "POST subnets/",
                        "POST ipranges/",
                        "POST ipranges/",
                        "PUT fabrics/{n}/vlans/{n}/",
                        "POST fabrics/{n}/vlans/",
                        "POST subnets/",
                        "PUT fabrics/{n}/vlans/{n}/",
                        "POST account/prefs/sshkeys/");
        assertThat(f.sim.requests())
                .filteredOn(r -> r.path().equals("ipranges/") && r.method().equals("POST"))
                .extracting(r -> r.params().get("type").get(0))
                .containsExactly("reserved", "dynamic");
        assertThat(f.sim.requests())
                .filteredOn(r ->
                        r.path().matches("fabrics/\\d+/vlans/0/") && r.method().equals("PUT"))
                .extracting(r -> r.params().get("dhcp_on"))
                .containsExactly(List.of("true"));

        f.sim.clearRequests();
        join(f.driver.prepareSite(NodeSpecs.site()));
        assertThat(mutations()).as("a second run changes nothing").isEmpty();
    }

    @Test
    void applyingTwiceChangesNothingTheSecondTime() {
        NodeSpec node = NodeSpecs.node(2);
        join(f.driver.prepareSite(NodeSpecs.site()));
        join(f.driver.identify(node));
        join(f.driver.commission(node));
        for (ApplyStep step : ApplyStep.values()) {
            join(f.driver.apply(node, step));
        }
        f.sim.clearRequests();
        for (ApplyStep step : ApplyStep.values()) {
            join(f.driver.apply(node, step));
        }
        assertThat(mutations()).isEmpty();
    }

    @Test
    void secondDeployIssuesNoDeployOrAllocate() {
        NodeSpec node = NodeSpecs.node(3);
        join(f.driver.identify(node));
        join(f.driver.commission(node));
        join(f.driver.deploy(node));
        f.sim.clearRequests();
        assertThat(join(f.driver.deploy(node)).phase()).isEqualTo(Phase.DEPLOYED);
        assertThat(f.sim.requests()).extracting(Request::method).containsOnly("GET");
        assertThat(f.sim.requests()).extracting(Request::op).doesNotContain("deploy", "allocate");
    }

    private List<String> calls(String systemId) {
        return f.sim.requests().stream()
                .filter(r -> !(r.method().equals("GET") && r.path().equals("machines/" + systemId + "/")))
                .map(r -> normalise(r, systemId))
                .toList();
    }

    private List<String> mutations() {
        return f.sim.requests().stream()
                .filter(r -> !r.method().equals("GET"))
                .map(r -> normalise(r, null))
                .toList();
    }

    private List<String> param(String op, String name) {
        return f.sim.requests().stream()
                .filter(r -> op.equals(r.op()))
                .map(r -> r.params().get(name).get(0))
                .toList();
    }

    private static String normalise(Request r, String systemId) {
        String s = r.toString();
        if (systemId != null) {
            s = s.replace("/" + systemId + "/", "/{id}/");
        }
        return s.replaceAll("/\\d+(?=/|$|\\?)", "/{n}");
    }
}
