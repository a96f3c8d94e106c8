package io.slipway.drivers.maas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slipway.drivers.spi.DriverException;
import io.slipway.drivers.spi.DriverKind;
import io.slipway.drivers.spi.DriverRegistry;
import io.slipway.drivers.spi.node.NodeStatus.Phase;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Status mapping, sizes, addresses and configuration. */
class MaasUnitsTest {
    private static final long GIB = 1L << 30;

    @ParameterizedTest
    @CsvSource({
        "New,NEW",
        "Commissioning,COMMISSIONING",
        "Testing,COMMISSIONING",
        "Ready,READY",
        "Allocated,ALLOCATED",
        "Deploying,DEPLOYING",
        "Deployed,DEPLOYED",
        "Releasing,RELEASING",
        "Disk erasing,RELEASING",
        "Failed commissioning,FAILED",
        "Failed deployment,FAILED",
        "Failed disk erasing,FAILED",
        "Broken,FAILED",
        "Rescue mode,FAILED"
    })
    void mapsMaasStatusNames(String status, Phase phase) {
        assertThat(MachinePhases.phase(status)).isEqualTo(phase);
    }

    @Test
    void sizesFollowTheDesignNotation() {
        // Drydock's units: g/GB/MB decimal, gi/GiB/mi binary; MAAS rounds every partition down to 4 MiB
        assertThat(Sizes.bytes("30gi", 100 * GIB, 100 * GIB, "p")).isEqualTo(30 * GIB);
        assertThat(Sizes.bytes("10GiB", 100 * GIB, 100 * GIB, "p")).isEqualTo(10 * GIB);
        assertThat(Sizes.bytes("512mi", 100 * GIB, 100 * GIB, "p")).isEqualTo(512L << 20);
        assertThat(Sizes.bytes("30g", 100 * GIB, 100 * GIB, "p")).isEqualTo(Sizes.alignDown(30_000_000_000L));
        assertThat(Sizes.bytes("1GB", 100 * GIB, 100 * GIB, "p")).isEqualTo(238L * Sizes.ALIGN);
        assertThat(Sizes.bytes("512MB", 100 * GIB, 100 * GIB, "p")).isEqualTo(Sizes.alignDown(512_000_000L));
        assertThat(Sizes.bytes("2T", 4096 * GIB, 4096 * GIB, "p")).isEqualTo(Sizes.alignDown(2_000_000_000_000L));
        assertThat(Sizes.bytes("25%", 100 * GIB, 100 * GIB, "p")).isEqualTo(25 * GIB);
        assertThat(Sizes.bytes(">30g", 100 * GIB, 60 * GIB, "p")).isEqualTo(60 * GIB);
        assertThatThrownBy(() -> Sizes.bytes(">30g", 100 * GIB, 20 * GIB, "p"))
                .isInstanceOf(DriverException.class)
                .hasMessageContaining("at least 30g");
        assertThatThrownBy(() -> Sizes.bytes("40g", 100 * GIB, 20 * GIB, "p")).isInstanceOf(DriverException.class);
        assertThatThrownBy(() -> Sizes.bytes("lots", 100 * GIB, 20 * GIB, "p")).isInstanceOf(DriverException.class);
    }

    @Test
    void ipv4Containment() {
        assertThat(Ipv4.contains("172.16.0.0/24", "172.16.0.200")).isTrue();
        assertThat(Ipv4.contains("172.16.0.0/24", "172.16.1.1")).isFalse();
        assertThat(Ipv4.contains("0.0.0.0/0", "8.8.8.8")).isTrue();
        assertThat(Ipv4.contains("fd00::/64", "fd00::1")).isFalse();
    }

    @Test
    void configHasDefaultsAndRequiresUrlAndKey() {
        MaasConfig c = MaasConfig.from(
                new JsonObject().put("url", "http://maas:5240/MAAS").put("apiKey", "a:b:c"));
        assertThat(c.pollInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(c.deployTimeout()).isEqualTo(Duration.ofMinutes(45));
        assertThat(c.quickErase()).isTrue();
        assertThatThrownBy(() -> MaasConfig.from(new JsonObject().put("apiKey", "a:b:c")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("url");
        assertThatThrownBy(() -> MaasConfig.from(new JsonObject()
                        .put("url", "http://x")
                        .put("apiKey", "a:b:c")
                        .put("pollIntervalMs", 0)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void providerIsFoundByServiceLoader() {
        assertThat(DriverRegistry.load().types(DriverKind.NODE)).contains("maas");
    }

    @Test
    void settingsAreCheckedWithoutIo() {
        MaasNodeDriverProvider p = new MaasNodeDriverProvider();
        assertThat(p.check(new JsonObject()))
                .containsExactly("drivers.node.maas.url: required", "drivers.node.maas.apiKey: required");
        assertThat(p.check(new JsonObject()
                        .put("url", "http://127.0.0.1:5240/MAAS")
                        .put("apiKey", "a:b")))
                .containsExactly("drivers.node.maas.apiKey: must be consumer:token:secret (3 parts separated by ':')");
        assertThat(p.check(new JsonObject()
                        .put("url", "http://127.0.0.1:5240/MAAS")
                        .put("apiKey", "a:b:c")))
                .isEmpty();
    }
}
