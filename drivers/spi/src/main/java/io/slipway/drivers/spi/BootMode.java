package io.slipway.drivers.spi;

/** Firmware boot mode requested with a boot device override. */
public enum BootMode {
  LEGACY,
  EFI
}
