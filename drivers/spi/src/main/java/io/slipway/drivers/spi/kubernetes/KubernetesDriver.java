package io.slipway.drivers.spi.kubernetes;

import io.vertx.core.Future;
import java.util.Map;
import java.util.Set;

/**
 * Keeps the labels of a deployed node's Kubernetes Node object in line with the design (seed action
 * RelabelNode). Futures complete on a Vert.x context; failures are {@link
 * io.slipway.drivers.spi.DriverException}s ({@code REFUSED} with the API's status for 4xx answers,
 * {@code UNREACHABLE}/{@code TIMEOUT} for transport problems, {@code AUTH} for 401/403).
 */
public interface KubernetesDriver {

    String type();

    /** The node's current labels; fails with {@code REFUSED} (404) when the cluster has no such node. Read-only. */
    Future<Map<String, String>> labels(String node);

    /**
     * Sets {@code labels} and removes the keys in {@code remove}, leaving other labels alone, in one
     * patch. Idempotent. Completes with the labels the API reports afterwards.
     */
    Future<Map<String, String>> relabel(String node, Map<String, String> labels, Set<String> remove);
}
