package io.slipway.drivers.lab.bmc;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Fault knobs of one simulated BMC, changeable while it runs (from any thread).
 *
 * <ul>
 *   <li>{@code loss}: probability that any datagram, in either direction, is dropped;
 *   <li>{@code latencyMs}: delay before each answer is sent (a slow BMC);
 *   <li>{@code dead}: the BMC answers nothing at all;
 *   <li>{@code powerDelayMs}: time between a power command and the power state changing, as on BMCs
 *       that apply changes asynchronously.
 * </ul>
 */
public final class LabFaults {

    private volatile double loss;
    private volatile long latencyMs;
    private volatile boolean dead;
    private volatile long powerDelayMs;

    public double loss() {
        return loss;
    }

    public LabFaults loss(double probability) {
        if (probability < 0 || probability > 1) {
            throw new IllegalArgumentException("loss must be within [0, 1]");
        }
        this.loss = probability;
        return this;
    }

    public long latencyMs() {
        return latencyMs;
    }

    public LabFaults latencyMs(long ms) {
        this.latencyMs = Math.max(0, ms);
        return this;
    }

    public boolean dead() {
        return dead;
    }

    public LabFaults dead(boolean isDead) {
        this.dead = isDead;
        return this;
    }

    public long powerDelayMs() {
        return powerDelayMs;
    }

    public LabFaults powerDelayMs(long ms) {
        this.powerDelayMs = Math.max(0, ms);
        return this;
    }

    /** Rolls the dice for one datagram. */
    boolean drop() {
        double p = loss;
        return dead || (p > 0 && ThreadLocalRandom.current().nextDouble() < p);
    }
}
