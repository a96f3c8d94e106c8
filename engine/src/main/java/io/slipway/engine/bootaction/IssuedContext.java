package io.slipway.engine.bootaction;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A boot action context as just created: what the bootstrapper hands to the node.
 *
 * @param node the node
 * @param taskId the deploy task the context belongs to; its design revision is the pinned one
 * @param revision the pinned design revision (the task's)
 * @param keyHex the node's identity key, 64 hex digits; only its hash is stored, so this is the one
 *     chance to hand it over. Left out of {@link #toString()} so it never reaches a log
 * @param actionIds boot action name → action id, for every boot action targeting the node
 * @param packages the node's {@code pkg_list} packages ({@code name=version} or {@code name}), for
 *     the bootstrapper to install; they are in neither bundle
 */
public record IssuedContext(
        String node, UUID taskId, long revision, String keyHex, Map<String, UUID> actionIds, List<String> packages) {

    public IssuedContext {
        actionIds = Map.copyOf(actionIds);
        packages = List.copyOf(packages);
    }

    @Override
    public String toString() {
        return "IssuedContext[node=" + node + ", taskId=" + taskId + ", revision=" + revision + ", actions="
                + actionIds.keySet() + "]";
    }
}
