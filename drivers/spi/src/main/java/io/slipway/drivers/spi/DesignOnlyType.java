package io.slipway.drivers.spi;

/**
 * A driver type designs may name but for which no driver is installed (a type Drydock designs use,
 * such as a hypervisor-backed BMC): its description lets validation apply the same parameter checks,
 * while the rule on installed drivers still reports that nothing can drive it. Registered as a
 * {@code java.util.ServiceLoader} service in {@code META-INF/services/io.slipway.drivers.spi.DesignOnlyType}
 * and found by {@link DriverRegistry}. Stateless and thread-safe.
 */
public interface DesignOnlyType {
    /** What the type asks of a design. */
    DriverDescription description();
}
