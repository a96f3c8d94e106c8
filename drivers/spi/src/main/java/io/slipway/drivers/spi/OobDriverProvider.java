package io.slipway.drivers.spi;

/**
 * Creates {@link OobDriver}s of one type (the design's {@code oob.type}). Registered as a {@code
 * java.util.ServiceLoader} service in {@code META-INF/services/io.slipway.drivers.spi.OobDriverProvider}
 * and found by {@link DriverRegistry}; settings are the {@code drivers.oob.<type>} subtree.
 */
public interface OobDriverProvider extends DriverProvider<OobDriver> {

    @Override
    default DriverKind kind() {
        return DriverKind.OOB;
    }
}
