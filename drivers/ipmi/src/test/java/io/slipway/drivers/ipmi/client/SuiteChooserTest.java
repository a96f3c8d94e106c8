package io.slipway.drivers.ipmi.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class SuiteChooserTest {

    @Test
    void standardSuiteIdsAreFoundInTheRecords() {
        // suite 3 (01/41/81) and suite 17 (03/44/81) as Get Channel Cipher Suites lists them
        byte[] records = HexFormat.of().parseHex("c0030141" + "81c0110344" + "81");
        assertThat(SuiteChooser.parseIds(records)).containsExactly(3, 17);
    }

    @Test
    void optionsReadFromJsonKeepDefaults() {
        var o = IpmiClientOptions.fromJson(new io.vertx.core.json.JsonObject().put("retries", 9));
        assertThat(o.retries()).isEqualTo(9);
        assertThat(o.attemptTimeoutMs()).isEqualTo(IpmiClientOptions.defaults().attemptTimeoutMs());
        // 1 s, then doubling up to the 4 s ceiling: 1 + 2 + 4 + 4 * 7
        assertThat(o.requestBoundMs()).isEqualTo(35_000);
        assertThat(o.window()).isEqualTo(64);
    }
}
