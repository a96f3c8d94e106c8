package io.slipway.engine.validation.facts;

import io.slipway.drivers.spi.DriverKind;
import io.slipway.drivers.spi.DriverRegistry;
import java.util.List;

/**
 * The driver types installed in this process, by kind, sorted: what a design's {@code oob.type} may
 * name. Rules check selections against it instead of a list written into the rule files.
 */
public record InstalledDrivers(List<String> oob, List<String> node) {
    private static volatile InstalledDrivers classpath;

    public InstalledDrivers {
        oob = List.copyOf(oob);
        node = List.copyOf(node);
    }

    /** The drivers of a registry. */
    public static InstalledDrivers of(DriverRegistry registry) {
        return new InstalledDrivers(registry.types(DriverKind.OOB), registry.types(DriverKind.NODE));
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

    /** The installed OOB types as the rules print them: {@code ipmi, manual, redfish}. */
    public String oobList() {
        return oob.isEmpty() ? "none" : String.join(", ", oob);
    }
}
