package io.slipway.engine.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.engine.TestDesigns;
import io.slipway.engine.design.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Scenario tests for the rules, including Drydock defects that are fixed and checks Drydock lacks. */
class ValidationRulesTest {

    private static List<Finding> errors(String extra) {
        return TestDesigns.errors(TestDesigns.validate(TestDesigns.site(extra)));
    }

    private static List<String> ruleIds(String extra) {
        return errors(extra).stream().map(Finding::ruleId).toList();
    }

    private static final String NODE = TestDesigns.node("n1", "base", "10.0.0.11");

    @Test
    void theBaseSiteIsValid() {
        assertThat(errors(NODE)).isEmpty();
    }

    @Test
    void activeBackupBondsAreCheckedNotCrashedOn() {
        String link = """
        ---
        schema: drydock/NetworkLink/v1
        metadata: {name: bond}
        data:
          bonding: {mode: active-backup, hash: layer2}
          trunking: {mode: 802.1q, default_network: pxe2}
          allowed_networks: [pxe2]
        ---
        schema: drydock/Network/v1
        metadata: {name: pxe2}
        data: {cidr: 10.9.0.0/24}
        """;
        assertThat(errors(NODE + link)).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("DD1006");
            assertThat(f.message()).contains("active-backup");
        });
    }

    @Test
    void networkMtuMessagesPrintTheNetworksOwnValue() {
        String yaml = NODE
                + "---\nschema: drydock/Network/v1\nmetadata: {name: big}\ndata: {cidr: 10.8.0.0/24, mtu: 74000}\n";
        assertThat(errors(yaml))
                .extracting(Finding::message)
                .contains("MTU Rationality: MTU must be between 1280 and 65536, value is 74000");
    }

    @Test
    void aTaggedNetworksMtuMustFitItsLink() {
        String yaml = NODE + """
        ---
        schema: drydock/NetworkLink/v1
        metadata: {name: trunk}
        data:
          mtu: 1500
          trunking: {mode: 802.1q, default_network: native}
          allowed_networks: [native, jumbo]
        ---
        schema: drydock/Network/v1
        metadata: {name: native}
        data: {cidr: 10.7.0.0/24}
        ---
        schema: drydock/Network/v1
        metadata: {name: jumbo}
        data: {cidr: 10.6.0.0/24, vlan: '6', mtu: 9000}
        """;
        assertThat(errors(yaml)).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("SW2002");
            assertThat(f.message()).contains("jumbo").contains("9000").contains("1500");
        });
    }

    private static String storageNode(String storage) {
        return "---\nschema: drydock/BaremetalNode/v1\nmetadata: {name: s1}\ndata:\n  host_profile: base\n  storage:\n"
                + storage.indent(4) + "  addressing: [{network: pxe, address: 10.0.0.21}]\n";
    }

    @Test
    void aVolumeGroupOnTwoDevicesIsNotADuplicateMountpointAndPartitionVgsCount() {
        String yaml = storageNode("""
        physical_devices:
          sdb: {volume_group: data}
          sdc: {volume_group: data}
          sdd:
            partitions: [{name: pv, size: 100g, volume_group: more}]
        volume_groups:
          data:
            logical_volumes: [{name: d, size: 90%, filesystem: {mountpoint: /data}}]
          more:
            logical_volumes: [{name: m, size: 10g, filesystem: {mountpoint: /more}}]
        """);
        assertThat(errors(yaml)).isEmpty();
    }

    @Test
    void aRootFilesystemOnALogicalVolumeCounts() {
        String yaml = """
        ---
        schema: drydock/HostProfile/v1
        metadata: {name: lvroot}
        data:
          hardware_profile: hw
          storage:
            physical_devices:
              sda: {volume_group: sys}
            volume_groups:
              sys:
                logical_volumes: [{name: root, size: 10g, filesystem: {mountpoint: /}}]
          interfaces:
            eth0: {device_link: pxe, slaves: [eno1], networks: [pxe]}
        """ + TestDesigns.node("n2", "lvroot", "10.0.0.12");
        assertThat(errors(yaml))
                .singleElement()
                .satisfies(f -> assertThat(f.message()).contains("Root volume must be > 20GB on BaremetalNode n2"));
    }

    @Test
    void fullPercentageAllocationsLeaveNoRoomForFixedVolumes() {
        String yaml = storageNode("""
        physical_devices:
          sdb:
            partitions:
              - {name: a, size: 100%, filesystem: {mountpoint: /a}}
              - {name: b, size: 10g, filesystem: {mountpoint: /b}}
        """);
        assertThat(ruleIds(yaml)).containsExactly("STO-013");
    }

    @Test
    void staticAddressesMustLieInDeclaredStaticRanges() {
        assertThat(ruleIds(TestDesigns.node("n1", "base", "10.0.0.250"))).containsExactly("NET-034");
    }

    @Test
    void duplicateAddressesAreReportedOncePerLaterOccurrence() {
        String yaml = NODE + TestDesigns.node("n2", "base", "10.0.0.11") + TestDesigns.node("n3", "base", "10.0.0.11");
        assertThat(errors(yaml)).extracting(Finding::code).containsExactly("DD2005", "DD2005");
        assertThat(errors(yaml))
                .allSatisfy(f -> assertThat(f.documents().get(1).name()).isEqualTo("n1"));
    }

    @Test
    void rangesMustBeInsideTheCidrAndNotOverlap() {
        String yaml = NODE + """
        ---
        schema: drydock/Network/v1
        metadata: {name: r}
        data:
          cidr: 10.5.0.0/24
          ranges:
            - {type: static, start: 10.5.0.10, end: 10.5.0.100}
            - {type: dhcp, start: 10.5.0.50, end: 10.5.1.20}
        """;
        assertThat(ruleIds(yaml)).containsExactlyInAnyOrder("NET-032", "NET-033");
    }

    @Test
    void bondsNeedTwoSlavesAndUnbondedLinksAtMostOne() {
        String yaml = """
        ---
        schema: drydock/HostProfile/v1
        metadata: {name: twoslaves}
        data:
          host_profile: base
          interfaces:
            eth0: {slaves: [eno1, eno2]}
        """ + TestDesigns.node("n2", "twoslaves", "10.0.0.12");
        assertThat(ruleIds(yaml)).containsExactly("NET-026");
    }

    @Test
    void primaryNetworkMustExistAndAMissingRackIsAWarning() {
        String yaml = """
        ---
        schema: drydock/BaremetalNode/v1
        metadata: {name: n9}
        data:
          host_profile: base
          primary_network: nowhere
          addressing: [{network: pxe, address: 10.0.0.19}]
          metadata: {rack: r9}
        """;
        var result = TestDesigns.validate(TestDesigns.site(yaml));
        assertThat(TestDesigns.errors(result)).extracting(Finding::ruleId).containsExactly("NODE-004");
        assertThat(result.report().findings()).extracting(Finding::ruleId).contains("NODE-003");
    }

    @Test
    void ipmiAndRedfishNodesNeedTheirOobParameters() {
        String yaml = """
        ---
        schema: drydock/BaremetalNode/v1
        metadata: {name: bmc1}
        data:
          host_profile: base
          oob: {type: ipmi, network: pxe}
          addressing: [{network: pxe, address: 10.0.0.30}]
        ---
        schema: drydock/BaremetalNode/v1
        metadata: {name: bmc2}
        data:
          host_profile: base
          oob: {type: redfish, network: oob, account: a, credential: c, verify_tls: maybe}
          addressing: [{network: pxe, address: 10.0.0.31}]
        """;
        List<Finding> errors = errors(yaml);
        assertThat(errors)
                .extracting(Finding::message)
                .contains(
                        "Valid IPMI Configuration: OOB parameter account for IPMI node bmc1 missing.",
                        "Valid IPMI Configuration: OOB parameter credential for IPMI node bmc1 missing.",
                        "Valid Redfish Configuration: OOB address missing for Redfish node bmc2.")
                .anyMatch(m -> m.contains("verify_tls must be true or false"));
    }

    @Test
    void everyErrorCarriesARuleIdAndASourceLine() {
        String yaml = NODE + TestDesigns.node("n2", "base", "10.0.0.11");
        assertThat(errors(yaml)).allSatisfy(f -> {
            assertThat(f.ruleId()).isNotBlank();
            assertThat(f.source()).matches("test\\.yaml:\\d+");
        });
    }

    private static String bmcNode(String name, String ip, String oob, String mac) {
        return "---\nschema: drydock/BaremetalNode/v1\nmetadata: {name: " + name + "}\ndata:\n  host_profile: base\n"
                + "  oob: " + oob + "\n  addressing:\n    - {network: pxe, address: " + ip + "}\n"
                + (mac == null ? "" : "  metadata: {boot_mac: '" + mac + "'}\n");
    }

    private static final String IPMI = "{type: ipmi, network: pxe, account: a, credential: c}";

    @Test
    void anOobTypeWithoutAnInstalledDriverIsAnErrorListingTheInstalledOnes() {
        List<Finding> errors =
                errors(bmcNode("n1", "10.0.0.11", "{type: ipmii, network: pxe, account: a, credential: c}", null));
        assertThat(errors).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("OOB-008");
            assertThat(f.code()).isEqualTo("SW4005");
            assertThat(f.message())
                    .isEqualTo("OOB Driver: oob.type ipmii of node n1 has no installed driver; installed: "
                            + "ipmi, lab, manual, redfish");
        });
    }

    @Test
    void installedOobTypesPassAndNoListIsWrittenIntoTheRules() throws Exception {
        assertThat(ruleIds(bmcNode("n1", "10.0.0.11", IPMI, null) + bmcNode("n2", "10.0.0.12", "{type: manual}", null)))
                .doesNotContain("OOB-008");
        String rules = java.nio.file.Files.readString(TestDesigns.repoRoot().resolve("rules/validation/node.drl"));
        assertThat(rules).doesNotContain("(\"ipmi\", \"redfish\", \"manual\"");
    }

    @Test
    void aBootMacSharedByTwoNodesIsAnErrorNamingBoth() {
        List<Finding> errors = errors(bmcNode("n1", "10.0.0.11", IPMI, "52:54:00:00:00:0A")
                + bmcNode("n2", "10.0.0.12", IPMI, "52:54:00:00:00:0a")
                + bmcNode("n3", "10.0.0.13", IPMI, "52:54:00:00:00:0b"));
        assertThat(errors).extracting(Finding::ruleId).containsOnly("NODE-005");
        assertThat(errors)
                .extracting(Finding::message)
                .containsExactlyInAnyOrder(
                        "Boot MAC: boot_mac 52:54:00:00:00:0a of node n1 is also the boot_mac of n2",
                        "Boot MAC: boot_mac 52:54:00:00:00:0a of node n2 is also the boot_mac of n1");
        assertThat(errors).allSatisfy(f -> assertThat(f.code()).isEqualTo("SW3007"));
    }

    @Test
    void distinctBootMacsPass() {
        assertThat(ruleIds(bmcNode("n1", "10.0.0.11", IPMI, "52:54:00:00:00:01")
                        + bmcNode("n2", "10.0.0.12", IPMI, "52:54:00:00:00:02")
                        + bmcNode("n3", "10.0.0.13", IPMI, null)))
                .isEmpty();
    }

    @Test
    void aBmcAddressSharedByTwoNodesIsAnError() {
        String shared = "{type: manual, address: 127.0.0.1, port: '9001'}";
        List<Finding> errors =
                errors(bmcNode("n1", "10.0.0.11", shared, null) + bmcNode("n2", "10.0.0.12", shared, null));
        assertThat(errors).extracting(Finding::ruleId).containsOnly("OOB-009");
        assertThat(errors)
                .extracting(Finding::message)
                .contains("BMC Address: BMC 127.0.0.1:9001 of node n1 is also the BMC of n2");
        assertThat(errors).allSatisfy(f -> assertThat(f.code()).isEqualTo("SW4006"));
    }

    @Test
    void oneBmcAddressOnDifferentPortsPasses() {
        assertThat(ruleIds(bmcNode("n1", "10.0.0.11", "{type: manual, address: 127.0.0.1, port: '9001'}", null)
                        + bmcNode("n2", "10.0.0.12", "{type: manual, address: 127.0.0.1, port: '9002'}", null)
                        + bmcNode("n3", "10.0.0.13", IPMI, null)
                        + bmcNode("n4", "10.0.0.14", IPMI, null)))
                .isEmpty();
    }
}
