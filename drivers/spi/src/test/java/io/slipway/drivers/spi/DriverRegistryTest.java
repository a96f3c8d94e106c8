package io.slipway.drivers.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slipway.drivers.spi.node.NodeDriver;
import io.slipway.drivers.spi.node.NodeDriverProvider;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DriverRegistryTest {

    record Oob(String type) implements OobDriverProvider {
        @Override
        public OobDriver create(DriverContext ctx, JsonObject settings) {
            throw new UnsupportedOperationException();
        }
    }

    record Node(String type, boolean simulated) implements NodeDriverProvider {
        @Override
        public List<String> check(JsonObject settings) {
            return DriverSettings.of(this, settings)
                    .required("url")
                    .url("url")
                    .positive("pollIntervalMs")
                    .problems();
        }

        @Override
        public NodeDriver create(DriverContext ctx, JsonObject settings) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void unknownTypeNamesTheInstalledOnes() {
        DriverRegistry drivers = DriverRegistry.of(List.of(new Oob("redfish"), new Oob("ipmi")));
        assertThatThrownBy(() -> drivers.oob("ipmii"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no oob driver of type ipmii is installed; installed: [ipmi, redfish]");
    }

    @Test
    void providersAreFoundByKindAndType() {
        Oob ipmi = new Oob("ipmi");
        Node lab = new Node("lab", true);
        DriverRegistry drivers = DriverRegistry.of(List.of(ipmi, lab, new Node("maas", false)));
        assertThat(drivers.oob("ipmi")).isSameAs(ipmi);
        assertThat(drivers.node("lab")).isSameAs(lab);
        assertThat(drivers.find(DriverKind.NODE, "ipmi")).isEmpty();
        assertThat(drivers.types(DriverKind.NODE)).containsExactly("lab", "maas");
        assertThat(drivers.realTypes(DriverKind.NODE)).containsExactly("maas");
    }

    @Test
    void oneTypeMayServeSeveralKinds() {
        DriverRegistry drivers = DriverRegistry.of(List.of(new Oob("lab"), new Node("lab", true)));
        assertThat(drivers.types(DriverKind.OOB)).containsExactly("lab");
        assertThat(drivers.types(DriverKind.NODE)).containsExactly("lab");
    }

    @Test
    void duplicateTypesAreRejected() {
        assertThatThrownBy(() -> DriverRegistry.of(List.of(new Oob("ipmi"), new Oob("ipmi"))))
                .hasMessageContaining("two oob drivers of type ipmi");
    }

    @Test
    void nothingIsInstalledInTheSpiAlone() {
        DriverRegistry drivers = DriverRegistry.load();
        for (DriverKind k : DriverKind.values()) {
            assertThat(drivers.types(k)).isEmpty();
        }
    }

    record Described(String type, DriverDescription description) implements OobDriverProvider {
        @Override
        public OobDriver create(DriverContext ctx, JsonObject settings) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void providersDescribeWhatTheyAskOfADesignAndDescriptionsWithoutADriverAreKept() {
        DriverDescription bmc = DriverDescription.of(DriverKind.OOB, "bmc")
                .withTitle("BMC", "SW9999")
                .withRequired("account", "token")
                .withBmcLogin();
        DriverDescription hypervisor =
                DriverDescription.of(DriverKind.OOB, "hypervisor").withBootMac();
        DriverRegistry drivers = DriverRegistry.of(
                List.of(new Described("bmc", bmc), new Oob("plain")),
                List.of(
                        hypervisor,
                        DriverDescription.of(DriverKind.OOB, "plain").withBootMac()));
        assertThat(drivers.descriptions(DriverKind.OOB))
                .containsExactly(bmc, hypervisor, new Oob("plain").description());
        assertThat(drivers.types(DriverKind.OOB)).containsExactly("bmc", "plain");
        assertThat(bmc.addressed()).isTrue();
        assertThat(bmc.login()).isTrue();
        assertThat(bmc.requiredParameters()).containsExactly("account", "token");
        assertThat(new Oob("plain").description())
                .isEqualTo(new DriverDescription(
                        DriverKind.OOB,
                        "plain",
                        "plain",
                        "SW4005",
                        List.of(),
                        false,
                        false,
                        false,
                        ParameterCheck.NONE));
        assertThat(drivers.descriptions(DriverKind.NODE)).isEmpty();
    }

    @Test
    void aDescriptionOfAnotherTypeIsAPackagingError() {
        assertThatThrownBy(() -> DriverRegistry.of(
                        List.of(new Described("ipmi", DriverDescription.of(DriverKind.OOB, "redfish")))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("serves oob ipmi but describes oob redfish");
    }

    @Test
    void parameterChecksNeverReturnNullAndSeeNoNullMap() {
        DriverDescription d = DriverDescription.of(DriverKind.OOB, "x")
                .withCheck((node, params) -> params.containsKey("k")
                        ? List.of(ParameterProblem.of(node + ": k is not allowed", "remove k"))
                        : null);
        assertThat(d.problems("n1", null)).isEmpty();
        assertThat(d.problems("n1", java.util.Map.of("k", "v")))
                .containsExactly(ParameterProblem.of("n1: k is not allowed", "remove k"));
    }

    @Test
    void settingsProblemsNameTheFullKey() {
        Node maas = new Node("maas", false);
        assertThat(maas.check(new JsonObject())).containsExactly("drivers.node.maas.url: required");
        assertThat(maas.check(new JsonObject().put("url", "maas:5240").put("pollIntervalMs", 0)))
                .containsExactly(
                        "drivers.node.maas.url: must be an http:// or https:// URL, not maas:5240",
                        "drivers.node.maas.pollIntervalMs: must be a whole number above 0, not 0");
        assertThat(maas.check(new JsonObject().put("url", "http://127.0.0.1:5240/MAAS")))
                .isEmpty();
    }

    @Test
    void kindsKnowTheirConfigurationPaths() {
        assertThat(DriverKind.OOB.settingsPath("ipmi")).isEqualTo("drivers.oob.ipmi");
        assertThat(DriverKind.KUBERNETES.settingsPath("kubernetes")).isEqualTo("drivers.kubernetes");
        assertThat(DriverKind.fromLabel("Network")).isEqualTo(DriverKind.NETWORK);
        assertThat(DriverSettings.of("drivers.oob.redfish", new JsonObject().put("auth", "digest"))
                        .oneOf("auth", Set.of("basic", "session"))
                        .problems())
                .containsExactly("drivers.oob.redfish.auth: must be one of [basic, session], not digest");
    }

    @Test
    void credentialsNeverPrintTheSecret() {
        assertThat(Credentials.of("admin", "s3cret").toString()).doesNotContain("s3cret");
    }

    @Test
    void driverExceptionCarriesTheCompletionCode() {
        DriverException e = new DriverException(DriverException.Kind.REFUSED, false, "invalid data", 0xCC, null);
        assertThat(e.completionCode()).hasValue(0xCC);
        assertThat(e.toString()).contains("REFUSED").contains("0xCC");
    }
}
