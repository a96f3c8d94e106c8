package io.slipway.drivers.redfish;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.drivers.spi.DriverDescription;
import io.slipway.drivers.spi.DriverKind;
import io.slipway.drivers.spi.DriverRegistry;
import io.slipway.drivers.spi.ParameterProblem;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedfishParametersTest {

    @Test
    void theInstalledProviderDescribesWhatARedfishNodeNeeds() {
        DriverDescription d = DriverRegistry.load().oob("redfish").description();
        assertThat(d.kind()).isEqualTo(DriverKind.OOB);
        assertThat(d.title()).isEqualTo("Redfish");
        assertThat(d.findingCode()).isEqualTo("SW4003");
        assertThat(d.requiredParameters()).containsExactly("account", "credential", "network");
        assertThat(d.addressed()).isTrue();
        assertThat(d.login()).isTrue();
        assertThat(d.bootMacRequired()).isFalse();
    }

    @Test
    void malformedOptionsAreProblemsNamingNodeAndParameter() {
        DriverDescription d = new RedfishOobDriverProvider().description();
        assertThat(d.problems("bmc2", Map.of("port", "x443", "verify_tls", "maybe", "auth", "digest")))
                .extracting(ParameterProblem::message)
                .containsExactly(
                        "Redfish node bmc2: oob.port 'x443' is not a port number",
                        "Redfish node bmc2: oob.verify_tls must be true or false, not 'maybe'",
                        "Redfish node bmc2: oob.auth must be session or basic, not 'digest'");
        assertThat(d.problems("bmc2", Map.of("port", "8443", "verify_tls", "FALSE", "auth", "session")))
                .isEmpty();
    }
}
