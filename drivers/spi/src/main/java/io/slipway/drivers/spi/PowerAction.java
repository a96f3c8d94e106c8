package io.slipway.drivers.spi;

/** A power change and the state that confirms it. */
public enum PowerAction {
    /** Power on; confirmed when the node reads {@link PowerState#ON}. */
    ON(PowerState.ON),
    /** Hard power off; confirmed by {@link PowerState#OFF}. */
    OFF(PowerState.OFF),
    /** Off then on; confirmed by {@link PowerState#ON}. A node that is off is simply powered on. */
    CYCLE(PowerState.ON),
    /** Hard reset without a power transition; confirmed by {@link PowerState#ON}. */
    RESET(PowerState.ON),
    /** Ask the operating system to shut down (ACPI); confirmed by {@link PowerState#OFF}. */
    SOFT_OFF(PowerState.OFF);

    private final PowerState expected;

    PowerAction(PowerState expected) {
        this.expected = expected;
    }

    /** The state that confirms this action took effect. */
    public PowerState expected() {
        return expected;
    }
}
