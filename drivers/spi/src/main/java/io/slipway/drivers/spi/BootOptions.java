package io.slipway.drivers.spi;

import java.util.Objects;

/**
 * A boot device override.
 *
 * @param device the device to boot from
 * @param persistent {@code true} for every boot, {@code false} for the next boot only
 * @param mode legacy BIOS or EFI
 */
public record BootOptions(BootDevice device, boolean persistent, BootMode mode) {

    public BootOptions {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(mode, "mode");
    }

    /** Boot {@code device} on the next boot only, legacy mode. */
    public static BootOptions once(BootDevice device) {
        return new BootOptions(device, false, BootMode.LEGACY);
    }

    /** Boot {@code device} on the next boot only, in the mode the system already uses. */
    public static BootOptions onceKeepingMode(BootDevice device) {
        return new BootOptions(device, false, BootMode.CURRENT);
    }

    /** Boot {@code device} on every boot, in the mode the system already uses. */
    public static BootOptions persistentKeepingMode(BootDevice device) {
        return new BootOptions(device, true, BootMode.CURRENT);
    }

    /** Boot {@code device} on every boot, legacy mode. */
    public static BootOptions persistent(BootDevice device) {
        return new BootOptions(device, true, BootMode.LEGACY);
    }

    /**
     * Whether a read-back shows this override took effect: BMCs acknowledge settings they then
     * ignore, so drivers read the settings back. Fails with {@link DriverException#failed} naming
     * {@code subject} when the device differs, when "every boot" was asked and the BMC keeps it for
     * the next boot only, or when a boot mode other than {@link BootMode#CURRENT} was asked and the
     * BMC reports another. A BMC that keeps an override for every boot where "next boot only" was
     * asked is accepted (the override is replaced at the next provisioning step anyway).
     */
    public io.vertx.core.Future<Void> confirmedBy(BootOptions readBack, String subject) {
        String problem = null;
        if (readBack.device() != device) {
            problem = "accepted boot device " + device + " but reports " + readBack.device();
        } else if (persistent && !readBack.persistent()) {
            problem = "accepted boot device " + device + " for every boot but dropped the persistent"
                    + " flag (it reports next boot only)";
        } else if (mode != BootMode.CURRENT && readBack.mode() != mode) {
            problem = "accepted boot mode " + mode + " but reports " + readBack.mode();
        }
        return problem == null
                ? io.vertx.core.Future.succeededFuture()
                : io.vertx.core.Future.failedFuture(DriverException.failed(subject + " " + problem));
    }

    public BootOptions withMode(BootMode newMode) {
        return new BootOptions(device, persistent, newMode);
    }
}
