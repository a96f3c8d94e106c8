package io.slipway.drivers.libvirt;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.drivers.spi.DriverDescription;
import io.slipway.drivers.spi.DriverKind;
import io.slipway.drivers.spi.DriverRegistry;
import io.slipway.drivers.spi.ParameterProblem;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LibvirtDesignTypeTest {

    @Test
    void describedButNotInstalled() {
        DriverRegistry registry = DriverRegistry.load();
        assertThat(registry.types(DriverKind.OOB)).doesNotContain("libvirt");
        assertThat(registry.descriptions(DriverKind.OOB)).singleElement().satisfies(d -> {
            assertThat(d.type()).isEqualTo("libvirt");
            assertThat(d.findingCode()).isEqualTo("DD4002");
            assertThat(d.bootMacRequired()).isTrue();
            assertThat(d.login()).isFalse();
        });
    }

    @Test
    void drydocksMessagesForTheUri() {
        DriverDescription d = new LibvirtDesignType().description();
        assertThat(d.problems("n1", Map.of()))
                .containsExactly(
                        ParameterProblem.of("OOB parameter libvirt_uri missing for node n1.", "Provide libvirt_uri."));
        assertThat(d.problems("n1", Map.of("libvirt_uri", "qemu:///system")))
                .extracting(ParameterProblem::message)
                .containsExactly("OOB parameter libvirt_uri has invalid scheme.");
        assertThat(d.problems("n1", Map.of("libvirt_uri", "qemu+ssh://virsh@10.0.0.1/system")))
                .isEmpty();
    }
}
