package io.slipway.drivers.ipmi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import io.slipway.drivers.spi.OobDrivers;

class IpmiOobDriverProviderTest {

  @Test
  void theIpmiDriverIsFoundByServiceLoader() {
    assertThat(OobDrivers.load().types()).contains("ipmi");
    assertThat(OobDrivers.load().provider("ipmi")).isInstanceOf(IpmiOobDriverProvider.class);
  }
}
