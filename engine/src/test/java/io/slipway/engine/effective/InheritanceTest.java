package io.slipway.engine.effective;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.engine.TestDesigns;
import io.slipway.engine.design.DesignLoader;
import io.slipway.engine.design.Finding;
import io.slipway.engine.design.SourceText;
import io.slipway.engine.design.model.HostInterface;
import io.slipway.engine.design.model.Named;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Host-profile inheritance: Drydock's "!" semantics, without its defects (drydock.md §1.5 a–e). */
class InheritanceTest {
    private static final String PARENT_STORAGE = """
      ---
      schema: drydock/HostProfile/v1
      metadata: {name: disks}
      data:
        hardware_profile: hw
        storage:
          physical_devices:
            sda:
              partitions:
                - {name: root, size: 30g, filesystem: {mountpoint: /}}
                - {name: boot, size: 1g, filesystem: {mountpoint: /boot}}
            sdb: {volume_group: vg1}
            sdc: {volume_group: vg1}
          volume_groups:
            vg1:
              logical_volumes:
                - {name: a, size: 10g, filesystem: {mountpoint: /a}}
                - {name: b, size: 10g, filesystem: {mountpoint: /b}}
        interfaces:
          bond0:
            device_link: data
            slaves: [n1, n2]
            networks: [mgmt, private]
            sriov: {vf_count: 4, trustedmode: true}
        metadata:
          tags: [t1, t2]
          owner_data: {a: '1', b: '2'}
        oob: {type: ipmi, network: oob, account: admin, credential: pw}
      """;

    private static EffectiveDesign compile(String yaml) {
        return new EffectiveCompiler()
                .compile(new DesignLoader().parse(List.of(new SourceText("t.yaml", TestDesigns.bytes(yaml)))));
    }

    private static EffectiveNode node(String yaml, String name) {
        EffectiveDesign d = compile(yaml);
        assertThat(d.findings().stream().filter(Finding::isError))
                .as("findings")
                .isEmpty();
        return d.node(name);
    }

    private static List<String> names(List<? extends Named> items) {
        return items.stream().map(Named::name).toList();
    }

    private static String hw() {
        return "---\nschema: drydock/HardwareProfile/v1\nmetadata: {name: hw}\ndata: {}\n";
    }

    @Test
    void unmatchedParentDisksVgsAndLvsAllSurviveWhenTheChildAddsOne() {
        EffectiveNode n = node(hw() + PARENT_STORAGE + """
        ---
        schema: drydock/BaremetalNode/v1
        metadata: {name: n1}
        data:
          host_profile: disks
          storage:
            physical_devices:
              sdd: {volume_group: vg2}
            volume_groups:
              vg1:
                logical_volumes:
                  - {name: c, size: 5g}
              vg2:
                logical_volumes: [{name: d, size: 100%}]
          addressing: [{network: oob, address: 10.0.0.5}]
        """, "n1");
        assertThat(names(n.storage().devices())).containsExactly("sda", "sdb", "sdc", "sdd");
        assertThat(names(n.storage().devices().get(0).partitions())).containsExactly("root", "boot");
        assertThat(names(n.storage().volumeGroups())).containsExactly("vg1", "vg2");
        assertThat(names(n.storage().volumeGroups().get(0).logicalVolumes())).containsExactly("a", "b", "c");
    }

    @Test
    void childStorageUnderAStoragelessParentWorks() {
        EffectiveNode n = node(hw() + """
        ---
        schema: drydock/HostProfile/v1
        metadata: {name: bare}
        data: {hardware_profile: hw}
        ---
        schema: drydock/BaremetalNode/v1
        metadata: {name: n1}
        data:
          host_profile: bare
          storage:
            physical_devices:
              sda:
                partitions: [{name: root, size: 30g, filesystem: {mountpoint: /}}]
          addressing: [{network: oob, address: 10.0.0.5}]
        """, "n1");
        assertThat(names(n.storage().devices())).containsExactly("sda");
    }

    @Test
    void bangRemovesNamedEntriesListItemsAndKeys() {
        EffectiveNode n = node(hw() + PARENT_STORAGE + """
        ---
        schema: drydock/BaremetalNode/v1
        metadata: {name: n1}
        data:
          host_profile: disks
          storage:
            physical_devices:
              '!sdc': {}
              sda:
                partitions: [{name: '!boot'}]
          interfaces:
            bond0:
              networks: ['!private', public]
          metadata:
            tags: ['!t1', t3]
            owner_data: {'!a': x, c: '3'}
          oob: {account: ops}
          addressing: [{network: oob, address: 10.0.0.5}]
        """, "n1");
        assertThat(names(n.storage().devices())).containsExactly("sda", "sdb");
        assertThat(names(n.storage().devices().get(0).partitions())).containsExactly("root");
        assertThat(n.tags()).containsExactly("t3", "t2");
        assertThat(n.ownerData()).containsOnlyKeys("b", "c");
        assertThat(n.oobParameters())
                .containsEntry("account", "ops")
                .containsEntry("credential", "pw")
                .containsEntry("network", "oob");
        HostInterface bond = n.interfaces().get(0);
        assertThat(bond.networks()).containsExactly("public", "mgmt");
        assertThat(bond.slaves()).containsExactly("n1", "n2");
        // Drydock drops SR-IOV settings when a child overrides part of an interface.
        assertThat(bond.vfCount()).isEqualTo(4);
        assertThat(bond.trustedMode()).isTrue();
    }

    @Test
    void aNullInterfaceRemovesTheInheritedOne() {
        EffectiveNode n = node(hw() + PARENT_STORAGE + """
        ---
        schema: drydock/BaremetalNode/v1
        metadata: {name: n1}
        data:
          host_profile: disks
          interfaces:
            bond0: null
          addressing: [{network: oob, address: 10.0.0.5}]
        """, "n1");
        assertThat(n.interfaces()).isEmpty();
    }

    @Test
    void scalarBangUnsetsAndChildWins() {
        EffectiveNode n = node(hw() + """
        ---
        schema: drydock/HostProfile/v1
        metadata: {name: p}
        data: {hardware_profile: hw, primary_network: mgmt, platform: {image: focal, kernel: hwe}}
        ---
        schema: drydock/BaremetalNode/v1
        metadata: {name: n1}
        data:
          host_profile: p
          primary_network: '!'
          platform: {image: jammy}
          addressing: [{network: oob, address: 10.0.0.5}]
        """, "n1");
        assertThat(n.spec().primaryNetwork()).isNull();
        assertThat(n.image()).isEqualTo("jammy");
        assertThat(n.kernel()).isEqualTo("hwe");
        assertThat(n.domain()).isEqualTo("local");
    }

    @Test
    void aProfileCycleIsAnErrorThatNamesTheCycle() {
        EffectiveDesign d = compile(hw() + """
        ---
        schema: drydock/HostProfile/v1
        metadata: {name: a}
        data: {host_profile: b}
        ---
        schema: drydock/HostProfile/v1
        metadata: {name: b}
        data: {host_profile: c}
        ---
        schema: drydock/HostProfile/v1
        metadata: {name: c}
        data: {host_profile: a}
        ---
        schema: drydock/BaremetalNode/v1
        metadata: {name: n1}
        data:
          host_profile: a
          addressing: [{network: oob, address: 10.0.0.5}]
        """);
        assertThat(d.blocked()).isTrue();
        assertThat(d.findings()).anySatisfy(f -> {
            assertThat(f.code()).isEqualTo("SW3001");
            assertThat(f.message()).contains("a -> b -> c -> a");
        });
    }

    @Test
    void hardwareProfileReferencesResolveOrFail() {
        String base = TestDesigns.site("""
        ---
        schema: drydock/BaremetalNode/v1
        metadata: {name: n1}
        data:
          host_profile: base
          platform:
            kernel_params:
              isolcpus: hardwareprofile:cpuset.pinned
              hugepagesz: hardwareprofile:hugepages.big.size
              hugepages: hardwareprofile:hugepages.big.count
          addressing: [{network: pxe, address: 10.0.0.11}]
        """);
        EffectiveNode n = compile(base).node("n1");
        assertThat(n.kernelParams())
                .containsEntry("isolcpus", "2-7")
                .containsEntry("hugepagesz", "1G")
                .containsEntry("hugepages", "8");
        assertThat(KernelParams.commandLine(n.kernelParams())).startsWith("hugepagesz=1G hugepages=8");

        EffectiveDesign broken = compile(base.replace("cpuset.pinned", "cpuset.nope"));
        assertThat(broken.findings()).anySatisfy(f -> {
            assertThat(f.code()).isEqualTo("SW3004");
            assertThat(f.message()).contains("hardwareprofile:cpuset.nope");
        });
    }

    @Test
    void routeDomainsRenderOnceHoweverOftenADesignIsCompiled() {
        String yaml = """
        ---
        schema: drydock/Network/v1
        metadata: {name: s1}
        data: {cidr: 10.1.0.0/24, routedomain: st, routes: [{routedomain: st, gateway: 10.1.0.1, metric: 10}]}
        ---
        schema: drydock/Network/v1
        metadata: {name: s2}
        data: {cidr: 10.2.0.0/24, routedomain: st, routes: [{routedomain: st, gateway: 10.2.0.1, metric: 10}]}
        ---
        schema: drydock/Network/v1
        metadata: {name: s3}
        data: {cidr: 10.3.0.0/24, routedomain: st}
        """;
        var design = new DesignLoader().parse(List.of(new SourceText("t.yaml", TestDesigns.bytes(yaml))));
        EffectiveCompiler compiler = new EffectiveCompiler();
        EffectiveDesign first = compiler.compile(design);
        EffectiveDesign second = compiler.compile(design);
        assertThat(first.networks().get(0).routes()).hasSize(3);
        assertThat(second.networks()).isEqualTo(first.networks());
        assertThat(first.networks().get(0).routes().stream()
                        .map(r -> r.subnet())
                        .filter(s -> s != null))
                .containsExactly("10.2.0.0/24", "10.3.0.0/24");
    }
}
