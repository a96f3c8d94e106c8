package io.slipway.drivers.libvirt;

import io.slipway.drivers.spi.DesignOnlyType;
import io.slipway.drivers.spi.DriverDescription;
import io.slipway.drivers.spi.DriverKind;
import io.slipway.drivers.spi.ParameterProblem;
import java.util.List;
import java.util.Map;

/**
 * Drydock's {@code libvirt} OOB type, for which Slipway has no driver. Drydock designs that use it
 * are checked as Drydock checks them ({@code DD4002}: a {@code qemu+ssh} {@code libvirt_uri} and a
 * boot MAC address on every node), and validation still reports that no driver is installed for
 * it. Stateless and thread-safe.
 */
public final class LibvirtDesignType implements DesignOnlyType {
    static final String TYPE = "libvirt";

    @Override
    public DriverDescription description() {
        return DriverDescription.of(DriverKind.OOB, TYPE)
                .withTitle("Libvirt", "DD4002")
                .withBootMac()
                .withCheck(LibvirtDesignType::problems);
    }

    /** Drydock's messages, kept word for word. */
    static List<ParameterProblem> problems(String node, Map<String, String> params) {
        String uri = params.get("libvirt_uri");
        if (uri == null) {
            return List.of(ParameterProblem.of(
                    "OOB parameter libvirt_uri missing for node " + node + ".", "Provide libvirt_uri."));
        }
        if (!uri.startsWith("qemu+ssh")) {
            return List.of(ParameterProblem.of(
                    "OOB parameter libvirt_uri has invalid scheme.", "Only scheme 'qemu+ssh' is supported."));
        }
        return List.of();
    }
}
