package io.slipway.store;

/**
 * The leadership epoch an orchestrator write is issued under.
 *
 * <p>Obtained from {@link LeaderEpochStore#advance(String)} when an instance becomes leader. Every
 * orchestrator write takes a fence and succeeds only while its epoch is still the current one;
 * otherwise it fails with {@link StoreException.Kind#FENCED}.
 */
public record Fence(long epoch) {

    public static Fence of(long epoch) {
        return new Fence(epoch);
    }
}
