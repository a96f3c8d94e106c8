package io.slipway.drivers.spi;

import java.util.List;
import java.util.Optional;

/**
 * An OOB driver whose actions a person carries out: each power or boot change waits until an
 * operator confirms it was done, or rejects it. The engine reaches this through the node's BMC
 * target, so confirmations go to the request of the right machine.
 *
 * <p>Every method may be called from any thread. Confirming or rejecting completes the waiting
 * driver call on the caller's Vert.x context; the same request is never answered twice.
 */
public interface ManualConfirmation {

    /** Plain-language descriptions of the requests waiting at {@code target}, oldest first. */
    List<String> waiting(OobTarget target);

    /**
     * Marks the oldest request waiting at {@code target} as done; its driver call succeeds.
     *
     * @return the request's description, or empty when nothing waits there
     */
    Optional<String> confirm(OobTarget target);

    /**
     * Marks the oldest request waiting at {@code target} as not done; its driver call fails with
     * {@code REFUSED} (not retriable) carrying {@code reason}.
     *
     * @return the request's description, or empty when nothing waits there
     */
    Optional<String> reject(OobTarget target, String reason);
}
