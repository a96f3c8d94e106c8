package io.slipway.engine.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.drivers.spi.DriverDescription;
import io.slipway.drivers.spi.DriverKind;
import io.slipway.drivers.spi.ParameterProblem;
import io.slipway.engine.TestDesigns;
import io.slipway.engine.design.DesignLoader;
import io.slipway.engine.design.Finding;
import io.slipway.engine.design.SourceText;
import io.slipway.engine.site.SiteModel;
import io.slipway.engine.site.SiteModels;
import io.slipway.engine.validation.facts.InstalledDrivers;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The out-of-band rules know no driver type: they match the descriptions drivers declare. A type
 * invented here, which no rule file or engine class names, is checked as its description asks.
 */
class DriverFactsTest {
    private static final DriverDescription ACME = DriverDescription.of(DriverKind.OOB, "acme")
            .withTitle("Acme", "SW9001")
            .withRequired("account", "credential", "network", "token")
            .withBmcLogin()
            .withBootMac()
            .withCheck((node, p) -> "0".equals(p.get("token"))
                    ? List.of(ParameterProblem.of("Acme node " + node + ": token 0 is reserved", "Pick another token."))
                    : List.of());
    private static final InstalledDrivers WITH_ACME =
            new InstalledDrivers(List.of("acme", "manual"), List.of(), List.of(ACME));
    private static final InstalledDrivers ACME_DESCRIBED_ONLY =
            new InstalledDrivers(List.of("manual"), List.of(), List.of(ACME));

    private static String acmeNode(String oob, String mac) {
        return "---\nschema: drydock/BaremetalNode/v1\nmetadata: {name: a1}\ndata:\n  host_profile: base\n"
                + "  oob: " + oob + "\n  addressing:\n    - {network: pxe, address: 10.0.0.11}\n"
                + (mac == null ? "" : "  metadata: {boot_mac: '" + mac + "'}\n");
    }

    private static List<Finding> errors(String node, InstalledDrivers drivers) {
        var validation = new DesignValidation(new DesignLoader(), TestDesigns.rules(), drivers);
        var result =
                validation.validate(List.of(new SourceText("test.yaml", TestDesigns.bytes(TestDesigns.site(node)))));
        return TestDesigns.errors(result);
    }

    @Test
    void aDescribedTypeGetsItsRequiredParametersAddressBootMacAndCheck() {
        List<Finding> errors = errors(acmeNode("{type: acme, network: oob, account: a, token: '0'}", null), WITH_ACME);
        assertThat(errors).allSatisfy(f -> assertThat(f.code()).isEqualTo("SW9001"));
        assertThat(errors)
                .extracting(f -> f.ruleId() + " " + f.message())
                .containsExactlyInAnyOrder(
                        "OOB-001 Valid Acme Configuration: OOB parameter credential for Acme node a1 missing.",
                        "OOB-002 Valid Acme Configuration: OOB address missing for Acme node a1.",
                        "OOB-004 Valid Acme Configuration: Acme node a1: token 0 is reserved",
                        "OOB-006 Valid Acme Configuration: acme-based node requires defined boot MAC address.");
    }

    @Test
    void aCompleteNodeOfTheTypePasses() {
        String oob = "{type: acme, network: pxe, account: a, credential: c, token: '7'}";
        assertThat(errors(acmeNode(oob, "52:54:00:00:00:01"), WITH_ACME)).isEmpty();
    }

    @Test
    void aDescribedTypeWithoutADriverIsCheckedAndReportedAsNotInstalled() {
        String oob = "{type: acme, network: pxe, account: a, credential: c, token: '7'}";
        assertThat(errors(acmeNode(oob, "52:54:00:00:00:01"), ACME_DESCRIBED_ONLY))
                .extracting(Finding::ruleId)
                .containsExactly("OOB-008");
    }

    @Test
    void siteModelsAskTheDescriptionWhetherANodeNeedsBmcCredentials() {
        String node = acmeNode("{type: acme, network: pxe, account: a, token: '7'}", "52:54:00:00:00:01");
        String yaml = TestDesigns.site(node);
        SiteModel withLogin = new SiteModels(TestDesigns.rules(), false, WITH_ACME).compile(1, "t.yaml", yaml);
        assertThat(withLogin.nodeDesigns().get("a1").oobCredentials()).isFalse();
        InstalledDrivers noLogin =
                new InstalledDrivers(List.of("acme"), List.of(), List.of(DriverDescription.of(DriverKind.OOB, "acme")));
        SiteModel without = new SiteModels(TestDesigns.rules(), false, noLogin).compile(1, "t.yaml", yaml);
        assertThat(without.nodeDesigns().get("a1").oobCredentials()).isTrue();
    }
}
