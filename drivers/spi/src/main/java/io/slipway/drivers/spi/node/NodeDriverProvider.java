package io.slipway.drivers.spi.node;

import io.slipway.drivers.spi.DriverKind;
import io.slipway.drivers.spi.DriverProvider;

/**
 * Creates {@link NodeDriver}s (bootstrappers) of one type; registered in {@code
 * META-INF/services/io.slipway.drivers.spi.node.NodeDriverProvider} and found by {@link
 * io.slipway.drivers.spi.DriverRegistry}; settings are the {@code drivers.node.<type>} subtree.
 */
public interface NodeDriverProvider extends DriverProvider<NodeDriver> {

    @Override
    default DriverKind kind() {
        return DriverKind.NODE;
    }
}
