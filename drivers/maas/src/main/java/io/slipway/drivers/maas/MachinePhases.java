package io.slipway.drivers.maas;

import io.slipway.drivers.maas.api.Machine;
import io.slipway.drivers.spi.node.NodeStatus;
import io.slipway.drivers.spi.node.NodeStatus.Phase;
import java.util.Locale;

/** Maps MAAS status names onto the driver-independent {@link Phase}s. */
final class MachinePhases {
    private MachinePhases() {}

    static Phase phase(String statusName) {
        String s = statusName.toLowerCase(Locale.ROOT);
        if (s.startsWith("failed") || s.equals("broken")) {
            return Phase.FAILED;
        }
        return switch (s) {
            case "new" -> Phase.NEW;
            case "commissioning", "testing" -> Phase.COMMISSIONING;
            case "ready" -> Phase.READY;
            case "allocated", "reserved" -> Phase.ALLOCATED;
            case "deploying" -> Phase.DEPLOYING;
            case "deployed" -> Phase.DEPLOYED;
            case "releasing", "disk erasing" -> Phase.RELEASING;
            // rescue mode, missing, retired: nothing Slipway can act on without an operator
            default -> Phase.FAILED;
        };
    }

    static NodeStatus status(Machine m) {
        String detail = m.statusMessage() == null || m.statusMessage().isBlank()
                ? m.statusName()
                : m.statusName() + ": " + m.statusMessage();
        return NodeStatus.of(m.systemId(), phase(m.statusName()), detail);
    }
}
