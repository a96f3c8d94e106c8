package io.slipway.drivers.spi;

/**
 * Firmware boot mode requested with a boot device override. {@link #CURRENT} asks a driver to keep
 * whatever mode the system uses (a UEFI system stays UEFI); it is never what a BMC reports.
 */
public enum BootMode {
    LEGACY,
    EFI,
    CURRENT
}
