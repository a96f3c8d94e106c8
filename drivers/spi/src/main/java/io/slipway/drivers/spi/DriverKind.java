package io.slipway.drivers.spi;

import io.slipway.drivers.spi.kubernetes.KubernetesDriverProvider;
import io.slipway.drivers.spi.network.NetworkDriverProvider;
import io.slipway.drivers.spi.node.NodeDriverProvider;
import java.util.Locale;

/**
 * The four kinds of driver, each with its provider interface and its place in the configuration
 * tree: {@code drivers.oob.<type>.*}, {@code drivers.node.<type>.*}, {@code drivers.network.<type>.*}
 * and {@code drivers.kubernetes.*} (one Kubernetes driver, its settings directly under the kind).
 */
public enum DriverKind {
    OOB("oob", OobDriverProvider.class),
    NODE("node", NodeDriverProvider.class),
    NETWORK("network", NetworkDriverProvider.class),
    KUBERNETES("kubernetes", KubernetesDriverProvider.class);

    private final String label;
    private final Class<? extends DriverProvider<?>> providerType;

    DriverKind(String label, Class<? extends DriverProvider<?>> providerType) {
        this.label = label;
        this.providerType = providerType;
    }

    /** The wire and configuration label: {@code oob}, {@code node}, {@code network}, {@code kubernetes}. */
    public String label() {
        return label;
    }

    /** The ServiceLoader interface providers of this kind implement. */
    public Class<? extends DriverProvider<?>> providerType() {
        return providerType;
    }

    /** The configuration path of the settings of a driver of {@code type}, e.g. {@code drivers.node.maas}. */
    public String settingsPath(String type) {
        return this == KUBERNETES ? "drivers.kubernetes" : "drivers." + label + "." + type;
    }

    /** The kind for a label, case-insensitively; unknown labels fail naming the known ones. */
    public static DriverKind fromLabel(String label) {
        for (DriverKind k : values()) {
            if (k.label.equals(label.toLowerCase(Locale.ROOT))) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown driver kind " + label + "; kinds: oob, node, network, kubernetes");
    }

    @Override
    public String toString() {
        return label;
    }
}
