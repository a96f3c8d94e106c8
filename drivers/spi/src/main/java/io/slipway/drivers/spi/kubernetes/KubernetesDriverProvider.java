package io.slipway.drivers.spi.kubernetes;

import io.slipway.drivers.spi.DriverKind;
import io.slipway.drivers.spi.DriverProvider;

/**
 * Creates {@link KubernetesDriver}s; registered in {@code
 * META-INF/services/io.slipway.drivers.spi.kubernetes.KubernetesDriverProvider}; settings are the
 * {@code drivers.kubernetes} subtree.
 */
public interface KubernetesDriverProvider extends DriverProvider<KubernetesDriver> {

    @Override
    default DriverKind kind() {
        return DriverKind.KUBERNETES;
    }
}
