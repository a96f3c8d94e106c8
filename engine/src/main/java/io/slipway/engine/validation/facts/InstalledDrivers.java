package io.slipway.engine.validation.facts;

import io.slipway.drivers.spi.DriverDescription;
import io.slipway.drivers.spi.DriverKind;
import io.slipway.drivers.spi.DriverRegistry;
import java.util.List;
import java.util.Optional;

/**
 * The driver types installed in this process, by kind, sorted: what a design's {@code oob.type} may
 * name; and what every known OOB type asks of a design, as each driver describes itself (a type may
 * be described without being installed). Rules check selections against these facts instead of
 * type names written into the rule files.
 */
public record InstalledDrivers(List<String> oob, List<String> node, List<DriverDescription> described) {
    private static volatile InstalledDrivers classpath;

    public InstalledDrivers {
        oob = List.copyOf(oob);
        node = List.copyOf(node);
        described = List.copyOf(described);
    }

    /** The drivers of a registry. */
    public static InstalledDrivers of(DriverRegistry registry) {
        return new InstalledDrivers(
                registry.types(DriverKind.OOB), registry.types(DriverKind.NODE), registry.descriptions(DriverKind.OOB));
    }

    /** The drivers ServiceLoader finds on this class's class path (looked up once per process). */
    public static InstalledDrivers fromClasspath() {
        InstalledDrivers d = classpath;
        if (d == null) {
            d = of(DriverRegistry.load());
            classpath = d;
        }
        return d;
    }

    public boolean hasOob(String type) {
        return oob.contains(type);
    }

    /** The description of OOB type {@code type}, installed or not. */
    public Optional<DriverDescription> oobDescription(String type) {
        return described.stream().filter(d -> d.type().equals(type)).findFirst();
    }

    /** The installed OOB types as the rules print them: sorted, comma-separated, {@code none} when empty. */
    public String oobList() {
        return oob.isEmpty() ? "none" : String.join(", ", oob);
    }
}
