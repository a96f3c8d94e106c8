package io.slipway.drivers.lab.network;

import io.slipway.drivers.spi.network.PortConfig;
import java.util.List;

/** What a lab switch accepts, checked before any change as a real switch CLI would. */
final class LabPortRules {

    private LabPortRules() {}

    /** The reason {@code config} is refused, or null when it is acceptable. */
    static String problem(PortConfig config) {
        List<String> tagged = config.taggedVlans() == null ? List.of() : config.taggedVlans();
        if (config.nativeVlan() != null && !validVlan(config.nativeVlan())) {
            return "VLAN " + config.nativeVlan() + " is not a VLAN id (1-4094)";
        }
        for (String vlan : tagged) {
            if (!validVlan(vlan)) {
                return "VLAN " + vlan + " is not a VLAN id (1-4094)";
            }
        }
        if (config.nativeVlan() != null && tagged.contains(config.nativeVlan())) {
            return "VLAN " + config.nativeVlan() + " cannot be both native and tagged";
        }
        if (config.mtu() != 0 && (config.mtu() < 576 || config.mtu() > 9216)) {
            return "MTU " + config.mtu() + " is outside 576-9216";
        }
        return null;
    }

    private static boolean validVlan(String vlan) {
        try {
            int id = Integer.parseInt(vlan);
            return id >= 1 && id <= 4094;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
