package io.slipway.drivers.manual;

import io.slipway.drivers.spi.BootOptions;
import io.slipway.drivers.spi.OobTarget;
import io.slipway.drivers.spi.PowerAction;
import java.time.Instant;

/**
 * Something an operator is asked to do by hand, waiting for confirmation.
 *
 * @param power the power action, or {@code null} for a boot device request
 * @param boot the boot override, or {@code null} for a power request
 */
public record ManualRequest(String id, OobTarget target, PowerAction power, BootOptions boot, Instant requestedAt) {

    /** A sentence for the operator's work list. */
    public String describe() {
        return power != null
                ? "set power " + power + " on node at " + target.address()
                : "set boot device "
                        + boot.device()
                        + (boot.persistent() ? " (every boot)" : " (next boot)")
                        + " "
                        + boot.mode()
                        + " on node at "
                        + target.address();
    }
}
