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

  /** Boot {@code device} on every boot, legacy mode. */
  public static BootOptions persistent(BootDevice device) {
    return new BootOptions(device, true, BootMode.LEGACY);
  }

  /**
   * Whether a read-back shows this override took effect: BMCs acknowledge settings they then
   * ignore, so drivers read the device back. Fails with {@link DriverException#failed} naming
   * {@code subject} when it differs.
   */
  public io.vertx.core.Future<Void> confirmedBy(BootOptions readBack, String subject) {
    return readBack.device() == device
        ? io.vertx.core.Future.succeededFuture()
        : io.vertx.core.Future.failedFuture(DriverException.failed(
            subject + " accepted boot device " + device + " but reports " + readBack.device()));
  }

  public BootOptions withMode(BootMode newMode) {
    return new BootOptions(device, persistent, newMode);
  }
}
