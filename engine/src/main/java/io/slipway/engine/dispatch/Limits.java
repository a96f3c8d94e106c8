package io.slipway.engine.dispatch;

/** At most {@code global} steps in flight at once, and at most {@code perRack} in one rack. */
public record Limits(int global, int perRack) {
    public static Limits defaults() {
        return new Limits(64, 16);
    }
}
