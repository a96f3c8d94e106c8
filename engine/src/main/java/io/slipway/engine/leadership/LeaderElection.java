package io.slipway.engine.leadership;

import io.vertx.core.Future;
import java.util.List;

/**
 * Decides which one instance of a cluster is the leader. Only the leader runs the orchestrating
 * engine; leadership is a lease, so a leader that stops renewing (crashed, frozen, partitioned)
 * loses it after the lease time, and the next claimant wins.
 *
 * <p>Leadership is advisory: it is what makes an instance try to lead, not what makes its writes
 * safe. Safety comes from the fencing epoch in the store, which the winner advances before it acts.
 *
 * <p>All methods are non-blocking and may be called from any thread; the listener is called on a
 * worker thread, one call at a time, in the order the changes were seen.
 */
public interface LeaderElection {

    /** Joins the cluster and starts claiming; completes once this member has joined. */
    Future<Void> start(Listener listener);

    /** Whether this instance held a valid lease at its last claim or renewal. */
    boolean isLeader();

    /** This instance's id (unique per process start). */
    String instanceId();

    /** The cluster members as {@code host:port}, this one included. */
    List<String> members();

    /**
     * Gives the lease up (if held) without leaving the cluster, e.g. when the engine could not start,
     * and does not claim again for one lease time. Idempotent.
     */
    void resign();

    /** Gives up the lease (if held) and leaves the cluster. Idempotent. */
    Future<Void> stop();

    /** Told when this instance gains or loses leadership. */
    interface Listener {
        void elected();

        void deposed();

        /** This instance renewed its lease and still leads. */
        default void renewed() {}
    }
}
