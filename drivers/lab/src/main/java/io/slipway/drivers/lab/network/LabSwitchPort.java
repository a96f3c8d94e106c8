package io.slipway.drivers.lab.network;

import io.slipway.drivers.spi.network.PortConfig;
import io.slipway.drivers.spi.network.PortRef;
import io.slipway.drivers.spi.network.PortState;
import java.util.List;
import java.util.Objects;

/**
 * One simulated switch port. A new port has no configuration (mode {@code unknown}), its link up
 * and, as LLDP neighbour, the node interface the design says is cabled to it.
 */
final class LabSwitchPort {

    static final int DEFAULT_MTU = 1500;

    private final String neighbor;
    private String mode = "unknown";
    private String nativeVlan;
    private List<String> tagged = List.of();
    private int mtu = DEFAULT_MTU;
    private boolean lacp;
    private boolean linkUp = true;

    LabSwitchPort(PortRef ref) {
        this.neighbor = ref.node() == null ? null : ref.nic() == null ? ref.node() : ref.node() + "/" + ref.nic();
    }

    synchronized PortState state() {
        return new PortState(mode, nativeVlan, tagged, mtu, linkUp, linkUp ? neighbor : null);
    }

    /** True when the port already is in {@code newMode} with {@code config}. */
    synchronized boolean has(String newMode, PortConfig config) {
        return mode.equals(newMode)
                && Objects.equals(nativeVlan, config.nativeVlan())
                && tagged.equals(sorted(config.taggedVlans()))
                && mtu == mtuOf(config)
                && lacp == config.lacp();
    }

    synchronized PortState set(String newMode, PortConfig config) {
        mode = newMode;
        nativeVlan = config.nativeVlan();
        tagged = sorted(config.taggedVlans());
        mtu = mtuOf(config);
        lacp = config.lacp();
        return state();
    }

    synchronized void link(boolean up) {
        linkUp = up;
    }

    private static int mtuOf(PortConfig config) {
        return config.mtu() == 0 ? DEFAULT_MTU : config.mtu();
    }

    private static List<String> sorted(List<String> vlans) {
        return vlans == null ? List.of() : vlans.stream().distinct().sorted().toList();
    }
}
