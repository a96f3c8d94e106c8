package io.slipway.drivers.maas;

import io.slipway.drivers.spi.DriverException;
import io.slipway.drivers.spi.DriverException.Kind;
import io.slipway.drivers.spi.node.NodeSpec;
import io.vertx.core.Future;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Boot-action keys handed over before deployment, per node name, until the deployment that carries them in
 * {@code user_data}. Kept in memory only (the key is a secret; Slipway's store keeps just its hash): a process
 * restart between hand-over and deploy deploys without boot actions only if the engine does not hand the key
 * over again. Thread-safe.
 */
final class BootActionKeys {
    private record Handover(String keyHex, Map<String, String> actionIds) {
        @Override
        public String toString() {
            return "Handover[actions=" + actionIds.keySet() + "]";
        }
    }

    private final String baseUrl;
    private final Map<String, Handover> keys = new ConcurrentHashMap<>();

    BootActionKeys(String baseUrl) {
        this.baseUrl = baseUrl == null || baseUrl.isBlank() ? null : baseUrl;
    }

    /**
     * Keeps the key for the node's deployment. {@code actionIds} null = not known. Without a configured URL, a
     * node that boot actions target (or may target) is refused, since it could never fetch them; one that none
     * targets is deployed without the script.
     */
    Future<Void> keep(NodeSpec node, String keyHex, Map<String, String> actionIds) {
        if (baseUrl == null && actionIds != null && actionIds.isEmpty()) {
            keys.remove(node.name());
            return Future.succeededFuture();
        }
        if (baseUrl == null) {
            return Future.failedFuture(
                    new DriverException(
                            Kind.REFUSED,
                            false,
                            "node " + node.name()
                                    + " has boot actions but drivers.node.maas.bootActionUrl is not set, so the deployed node could not fetch them"));
        }
        keys.put(node.name(), new Handover(keyHex, actionIds == null ? Map.of() : Map.copyOf(actionIds)));
        return Future.succeededFuture();
    }

    /** The node's base64 {@code user_data}, or null when no key was handed over. */
    String userData(NodeSpec node) {
        Handover h = keys.get(node.name());
        return h == null ? null : BootActionUserData.base64(baseUrl, node.name(), h.keyHex(), h.actionIds());
    }
}
