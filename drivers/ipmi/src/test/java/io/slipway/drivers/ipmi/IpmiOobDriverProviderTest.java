package io.slipway.drivers.ipmi;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.drivers.spi.DriverKind;
import io.slipway.drivers.spi.DriverRegistry;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class IpmiOobDriverProviderTest {

    @Test
    void theIpmiDriverIsFoundByServiceLoader() {
        DriverRegistry drivers = DriverRegistry.load();
        assertThat(drivers.types(DriverKind.OOB)).contains("ipmi");
        assertThat(drivers.oob("ipmi")).isInstanceOf(IpmiOobDriverProvider.class);
        assertThat(drivers.oob("ipmi").simulated()).isFalse();
    }

    @Test
    void settingsProblemsNameTheFullKey() {
        IpmiOobDriverProvider p = new IpmiOobDriverProvider();
        assertThat(p.check(new JsonObject())).isEmpty();
        assertThat(p.check(new JsonObject().put("attemptTimeoutMs", "soon").put("cipherSuite", 2)))
                .containsExactly(
                        "drivers.oob.ipmi.attemptTimeoutMs: must be a whole number above 0, not soon",
                        "drivers.oob.ipmi.cipherSuite: must be one of [17, 3, auto], not 2");
    }

    @Test
    void pacingSettingsThatContradictEachOtherAreNamed() {
        IpmiOobDriverProvider p = new IpmiOobDriverProvider();
        assertThat(p.check(new JsonObject().put("window", 0)))
                .containsExactly("drivers.oob.ipmi.window: must be a whole number above 0, not 0");
        assertThat(p.check(new JsonObject().put("minRtoMs", 5000).put("maxRtoMs", 1000)))
                .singleElement()
                .asString()
                .startsWith("drivers.oob.ipmi: invalid IPMI client options")
                .contains("maxRtoMs >= minRtoMs");
    }
}
