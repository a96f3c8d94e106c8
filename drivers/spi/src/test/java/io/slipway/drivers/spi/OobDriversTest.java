package io.slipway.drivers.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

class OobDriversTest {

  record Stub(String type) implements OobDriverProvider {
    @Override
    public OobDriver create(Vertx vertx, JsonObject config) {
      throw new UnsupportedOperationException();
    }
  }

  @Test
  void unknownTypeNamesTheAvailableOnes() {
    OobDrivers drivers = OobDrivers.of(List.of(new Stub("redfish"), new Stub("ipmi")));
    assertThatThrownBy(() -> drivers.provider("ipmii"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no OOB driver for type ipmii; available: [ipmi, redfish]");
  }

  @Test
  void providersAreFoundByType() {
    Stub ipmi = new Stub("ipmi");
    assertThat(OobDrivers.of(List.of(ipmi)).provider("ipmi")).isSameAs(ipmi);
  }

  @Test
  void duplicateTypesAreRejected() {
    assertThatThrownBy(() -> OobDrivers.of(List.of(new Stub("ipmi"), new Stub("ipmi"))))
        .hasMessageContaining("two OOB drivers for type ipmi");
  }

  @Test
  void nothingIsInstalledInTheSpiAlone() {
    assertThat(OobDrivers.load().types()).isEmpty();
  }

  @Test
  void credentialsNeverPrintTheSecret() {
    assertThat(Credentials.of("admin", "s3cret").toString()).doesNotContain("s3cret");
  }

  @Test
  void driverExceptionCarriesTheCompletionCode() {
    DriverException e =
        new DriverException(DriverException.Kind.REFUSED, false, "invalid data", 0xCC, null);
    assertThat(e.completionCode()).hasValue(0xCC);
    assertThat(e.toString()).contains("REFUSED").contains("0xCC");
  }
}
