package io.slipway.drivers.spi;

/** The device a node boots from next. */
public enum BootDevice {
    /** No override: the firmware's own boot order. */
    NONE,
    PXE,
    DISK,
    CDROM,
    /** Stop in the firmware setup screen. */
    BIOS
}
