package io.slipway.drivers.lab.network;

import io.slipway.drivers.spi.DriverException.Kind;

/**
 * Fault knobs of one simulated switch port, changeable at run time from any thread: the next {@code
 * n} configuration changes fail ({@code REFUSED} unless another kind is given), or every change
 * hangs until the driver's bound ({@code TIMEOUT}). Reading the port is never affected.
 */
public final class LabPortFaults {

    private int failures;
    private Kind kind = Kind.REFUSED;
    private boolean hang;

    public LabPortFaults fail(int times) {
        return fail(times, Kind.REFUSED);
    }

    public synchronized LabPortFaults fail(int times, Kind failureKind) {
        this.failures = Math.max(0, times);
        this.kind = failureKind;
        return this;
    }

    public synchronized LabPortFaults hang(boolean hangs) {
        this.hang = hangs;
        return this;
    }

    public synchronized LabPortFaults clear() {
        failures = 0;
        hang = false;
        return this;
    }

    synchronized boolean hangs() {
        return hang;
    }

    /** The kind of failure for the next change, using one up; null when the change goes through. */
    synchronized Kind takeFailure() {
        if (failures == 0) {
            return null;
        }
        failures--;
        return kind;
    }
}
