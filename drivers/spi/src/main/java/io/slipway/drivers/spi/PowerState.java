package io.slipway.drivers.spi;

/** Chassis power as the management controller reports it. */
public enum PowerState {
    ON,
    OFF,
    /** The controller could not say, or no one has observed it yet (manual driver). */
    UNKNOWN
}
