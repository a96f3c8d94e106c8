package io.slipway.drivers.netboot;

import io.slipway.drivers.spi.node.NodeSpec;
import io.slipway.drivers.spi.node.NodeStatus;
import io.slipway.drivers.spi.node.NodeStatus.Phase;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * A node's status as the netboot driver knows it, read from its durable state: deployed (image,
 * design revision, how it booted), deploying, failed, inspected, being inspected, registered or
 * absent. Reads only; runs on the driver's context.
 */
final class NodeStatuses {
    private final NetbootState state;

    NodeStatuses(NetbootState state) {
        this.state = state;
    }

    Future<NodeStatus> of(NodeSpec node) {
        String n = node.name();
        return state.get(NetbootState.DEPLOYED, n)
                .compose(done -> done != null
                        ? Future.succeededFuture(deployed(done))
                        : state.get(NetbootState.NODE, n)
                                .compose(rec -> state.job(n)
                                        .compose(j -> state.get(NetbootState.INVENTORY, n)
                                                .map(inv -> undeployed(rec, j, inv)))));
    }

    private static NodeStatus undeployed(JsonObject rec, Job j, JsonObject inv) {
        String id = rec == null ? null : rec.getString("mac");
        if (j != null && j.kind().equals("deploy")) {
            return NodeStatus.of(id, Phase.DEPLOYING, "deploy job " + j.id() + " " + j.state());
        }
        if (rec != null && rec.getString("failed") != null) {
            return NodeStatus.of(id, Phase.FAILED, rec.getString("failed"));
        }
        if (inv != null) {
            return NodeStatus.of(id, Phase.READY, "inspected" + (j == null ? "" : "; agent on " + j.kind() + " job"));
        }
        if (j != null && j.kind().equals("inspect")) {
            return NodeStatus.of(id, Phase.COMMISSIONING, "inspect job " + j.id() + " " + j.state());
        }
        return rec == null ? NodeStatus.absent() : NodeStatus.of(id, Phase.NEW, "registered by boot MAC " + id);
    }

    /** Deployed: the image (name, sha256) and design revision it came from, and how it booted. */
    static NodeStatus deployed(JsonObject rec) {
        JsonObject img = rec.getJsonObject("image", new JsonObject());
        return NodeStatus.of(
                rec.getString("job"),
                Phase.DEPLOYED,
                "image " + img.getString("name") + " sha256 " + img.getString("sha256") + ", design revision "
                        + rec.getValue("design_revision") + "; booted as " + rec.getString("hostname") + " "
                        + rec.getJsonArray("addresses"));
    }

    /** Written and verified, waiting for the installed OS's first boot. */
    static NodeStatus installed(NodeSpec node, Job j) {
        String img = j.image() == null
                ? "?"
                : j.image().getString("name") + " sha256 " + j.image().getString("sha256");
        return NodeStatus.of(
                j.id(), Phase.DEPLOYING, "image " + img + " installed; waiting for the first boot of " + node.name());
    }
}
