package io.slipway.drivers.ipmi;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.drivers.spi.OobDrivers;
import org.junit.jupiter.api.Test;

class IpmiOobDriverProviderTest {

  @Test
  void theIpmiDriverIsFoundByServiceLoader() {
    assertThat(OobDrivers.load().types()).contains("ipmi");
    assertThat(OobDrivers.load().provider("ipmi")).isInstanceOf(IpmiOobDriverProvider.class);
  }
}
