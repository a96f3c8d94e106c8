package io.slipway.drivers.spi.network;

import io.slipway.drivers.spi.DriverKind;
import io.slipway.drivers.spi.DriverProvider;

/**
 * Creates {@link NetworkDriver}s; registered in {@code
 * META-INF/services/io.slipway.drivers.spi.network.NetworkDriverProvider}; settings are the {@code
 * drivers.network.<type>} subtree.
 */
public interface NetworkDriverProvider extends DriverProvider<NetworkDriver> {

    @Override
    default DriverKind kind() {
        return DriverKind.NETWORK;
    }
}
