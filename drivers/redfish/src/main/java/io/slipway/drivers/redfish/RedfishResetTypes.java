package io.slipway.drivers.redfish;

import io.slipway.drivers.spi.BootDevice;
import io.slipway.drivers.spi.PowerAction;
import io.slipway.drivers.spi.PowerState;
import io.vertx.core.json.JsonArray;
import java.util.List;

/** The Redfish names for power actions and boot devices. */
final class RedfishResetTypes {

    private RedfishResetTypes() {}

    /**
     * The ResetType for {@code action}, honouring the service's allowable values when it lists them;
     * {@code null} when none fits. A cycle or reset of a node that is off becomes "On".
     */
    static String choose(PowerAction action, PowerState now, JsonArray allowable) {
        List<String> preferences = switch (action) {
            case ON -> List.of("On", "ForceOn");
            case OFF -> List.of("ForceOff");
            case SOFT_OFF -> List.of("GracefulShutdown");
            case RESET -> now == PowerState.OFF ? List.of("On", "ForceOn") : List.of("ForceRestart");
            case CYCLE -> now == PowerState.OFF ? List.of("On", "ForceOn") : List.of("PowerCycle", "ForceRestart");
        };
        if (allowable == null || allowable.isEmpty()) {
            return preferences.get(0);
        }
        return preferences.stream().filter(allowable::contains).findFirst().orElse(null);
    }

    static String bootTarget(BootDevice device) {
        return switch (device) {
            case NONE -> "None";
            case PXE -> "Pxe";
            case DISK -> "Hdd";
            case CDROM -> "Cd";
            case BIOS -> "BiosSetup";
        };
    }

    static BootDevice device(String target) {
        return switch (target) {
            case "Pxe" -> BootDevice.PXE;
            case "Hdd" -> BootDevice.DISK;
            case "Cd" -> BootDevice.CDROM;
            case "BiosSetup" -> BootDevice.BIOS;
            default -> BootDevice.NONE;
        };
    }
}
