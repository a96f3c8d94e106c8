package io.slipway.engine.leadership;

/**
 * Where the cluster's one leader lease lives ({@link HzLeaseTable} in the product). Calls block and
 * are made from the election's own thread only, never an event loop.
 */
interface LeaseTable {

    /**
     * Takes the lease for {@code instanceId} if it is free (never taken or expired) or already its
     * own, atomically across the cluster, and then makes it expire {@code leaseMs} from now. Returns
     * whether {@code instanceId} holds it. Idempotent for the holder (a renewal). Throws when the table
     * cannot be reached; the caller then simply tries again at its next tick.
     */
    boolean claim(String instanceId, long leaseMs);

    /** Frees the lease if (and only if) {@code instanceId} holds it. Idempotent. */
    void release(String instanceId);

    /** The cluster members as {@code host:port}, this one included; empty once the table is closed. */
    java.util.List<String> members();
}
