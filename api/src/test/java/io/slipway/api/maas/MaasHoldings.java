package io.slipway.api.maas;

import static io.slipway.store.testing.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.drivers.maas.sim.MaasSimulator;
import io.slipway.drivers.maas.sim.SimHardware;
import io.slipway.drivers.spi.node.NodeSpec;
import io.slipway.store.BootActionContext;
import io.slipway.store.BootActionStatus;
import io.slipway.store.StoreHandle;
import io.vertx.core.json.JsonObject;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the MAAS simulator holds after the engine ran a design through it, checked against the engine's node specs:
 * the machine's identity, power and platform, its interfaces ({@link InterfaceHoldings}), its storage ({@link
 * StorageHoldings}) and the boot-action {@code user_data}, whose key must be the one the engine issued and stored
 * (only its hash is stored) and whose action ids must be the stored ones.
 */
final class MaasHoldings {
    private static final Pattern KEY = Pattern.compile("(?m)^KEY='([0-9a-f]{64})'$");
    private static final Pattern ACTIONS = Pattern.compile("(?m)^ACTIONS='([^']*)'$");
    private final MaasSimulator sim;
    private final StoreHandle store;
    private final Function<String, SimHardware> hardware;

    /** {@code hardware}: what the simulator's commissioning finds per boot MAC. */
    MaasHoldings(MaasSimulator sim, StoreHandle store, Function<String, SimHardware> hardware) {
        this.sim = sim;
        this.store = store;
        this.hardware = hardware;
    }

    /** A deployed node: as the design says, and handed the key and action ids the engine stored. */
    void checkDeployed(NodeSpec node) {
        JsonObject m = machine(node);
        assertThat(m.getString("status_name")).as(node.name()).isEqualTo("Deployed");
        assertThat(m.getString("hostname")).isEqualTo(node.name());
        assertThat(m.getString("power_type")).isEqualTo("ipmi");
        JsonObject power = m.getJsonObject("power_parameters");
        assertThat(power.getString("power_address")).isEqualTo(node.oobAddress());
        assertThat(power.getString("power_user")).isEqualTo(node.oobParameters().get("account"));
        assertThat(m.getString("distro_series")).isEqualTo(node.platform().image());
        assertThat(m.getString("hwe_kernel")).isEqualTo(node.platform().kernel());
        assertThat(m.getJsonObject("workload_annotations").getMap())
                .containsAllEntriesOf(java.util.Map.copyOf(node.labels()))
                .containsEntry("site", "lab");
        SimHardware hw = hardware.apply(node.bootMac().toLowerCase());
        new InterfaceHoldings(m, hw).check(node);
        new StorageHoldings(m, hw).check(node);
        checkUserData(node, m.getString("user_data"));
    }

    /** A destroyed node: released with its disks erased, back in Ready, through every status on the way. */
    void checkReleased(NodeSpec node) {
        JsonObject m = machine(node);
        assertThat(m.getString("status_name")).as(node.name()).isEqualTo("Ready");
        assertThat(m.getString("owner")).as(node.name() + " owner").isNull();
        assertThat(sim.history(m.getString("system_id")))
                .as(node.name())
                .containsSubsequence(
                        "New",
                        "Commissioning",
                        "Ready",
                        "Allocated",
                        "Deploying",
                        "Deployed",
                        "Releasing",
                        "Disk erasing",
                        "Ready");
        int[] counts = sim.counts(node.bootMac());
        assertThat(counts)
                .as(node.name() + ": commissionings, deployments, releases, erasures")
                .containsExactly(1, 1, 1, 1);
    }

    /** The site objects the design asks MAAS for: subnets, the DHCP range, domains and the package repository. */
    void checkSite(List<NodeSpec> nodes) {
        List<String> cidrs = sim.objects("subnets").stream()
                .map(o -> ((JsonObject) o).getString("cidr"))
                .toList();
        nodes.stream()
                .flatMap(n -> n.interfaces().stream())
                .flatMap(n -> n.networks().stream())
                .forEach(a -> assertThat(cidrs).as("subnets").contains(a.cidr()));
        // each tagged network's subnet is on a VLAN with the design's VID, on the fabric of the untagged ones
        JsonObject pxe = subnet("10.21.0.0/24").getJsonObject("vlan");
        nodes.stream()
                .flatMap(n -> n.interfaces().stream())
                .flatMap(n -> n.networks().stream())
                .filter(a -> a.vlan() != null)
                .forEach(a -> {
                    JsonObject vlan = subnet(a.cidr()).getJsonObject("vlan");
                    assertThat(vlan.getInteger("vid")).as(a.network()).isEqualTo(Integer.parseInt(a.vlan()));
                    assertThat(vlan.getInteger("fabric_id")).as(a.network()).isEqualTo(pxe.getInteger("fabric_id"));
                });
        assertThat(sim.objects("ipranges").stream().map(JsonObject.class::cast))
                .anyMatch(r -> "dynamic".equals(r.getString("type"))
                        && "10.21.0.20".equals(r.getString("start_ip"))
                        && "10.21.0.250".equals(r.getString("end_ip")));
        assertThat(sim.objects("domains").stream().map(o -> ((JsonObject) o).getString("name")))
                .contains("mgmt.lab.example.net", "priv.lab.example.net", "stor.lab.example.net");
        assertThat(sim.objects("package-repositories").stream().map(o -> ((JsonObject) o).getString("name")))
                .contains("ubuntu");
    }

    private JsonObject subnet(String cidr) {
        return sim.objects("subnets").stream()
                .map(JsonObject.class::cast)
                .filter(o -> cidr.equals(o.getString("cidr")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no subnet " + cidr));
    }

    private void checkUserData(NodeSpec node, String userData) {
        assertThat(userData)
                .as(node.name() + " user_data")
                .startsWith("#!/bin/sh")
                .contains("NODE='" + node.name() + "'");
        Matcher key = KEY.matcher(userData);
        assertThat(key.find()).as(node.name() + ": a 64-digit key in user_data").isTrue();
        BootActionContext context = result(store.bootActions().context(node.name()));
        assertThat(context.matches(HexFormat.of().parseHex(key.group(1))))
                .as(node.name() + ": the key in user_data is the one whose hash the engine stored")
                .isTrue();
        Matcher ids = ACTIONS.matcher(userData);
        assertThat(ids.find()).isTrue();
        List<String> stored = result(store.bootActions().actions(node.name())).stream()
                .map(BootActionStatus::actionId)
                .map(Object::toString)
                .toList();
        assertThat(stored).as(node.name() + ": boot actions issued").isNotEmpty();
        assertThat(List.of(ids.group(1).split(" "))).containsExactlyInAnyOrderElementsOf(stored);
    }

    private JsonObject machine(NodeSpec node) {
        String id = sim.systemIdOf(node.bootMac());
        assertThat(id).as(node.name() + " known to MAAS by its boot MAC").isNotNull();
        return sim.machine(id);
    }
}
