package io.slipway.drivers.maas;

import io.slipway.drivers.maas.api.Forms;
import io.slipway.drivers.maas.api.MaasClient;
import io.slipway.drivers.maas.api.Machine;
import io.slipway.drivers.spi.DriverException;
import io.slipway.drivers.spi.DriverException.Kind;
import io.slipway.drivers.spi.node.NodeSpec;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Objects;

/**
 * Applies a node's platform: checks that its image and kernel are in MAAS's catalog (they are sent
 * with {@code op=deploy}), applies its tags, and carries its kernel command line in a per-node tag
 * {@code <node>_kp} whose {@code kernel_opts} MAAS passes to the kernel. A kernel-parameter tag with
 * other options is deleted and created again, since MAAS renders a tag's options at deployment. Design tags
 * are shared between nodes applied concurrently: a creation refused because another node's apply created the tag
 * first is taken as done.
 */
final class PlatformApplier {
    private final MaasClient client;
    private final Catalog catalog;

    PlatformApplier(MaasClient client, Catalog catalog) {
        this.client = client;
        this.catalog = catalog;
    }

    Future<Void> apply(Machine m, NodeSpec node) {
        return checkImage(node).compose(x -> client.getArray("tags/")).compose(tags -> {
            Future<Void> chain = Future.succeededFuture();
            for (String tag : Nulls.list(node.tags())) {
                chain = chain.compose(x -> ensureTag(m, tags, tag, null));
            }
            NodeSpec.Platform p = node.platform();
            if (p != null
                    && p.kernelCommandLine() != null
                    && !p.kernelCommandLine().isBlank()) {
                chain = chain.compose(x -> ensureTag(m, tags, node.name() + "_kp", p.kernelCommandLine()));
            }
            return chain;
        });
    }

    private Future<Void> checkImage(NodeSpec node) {
        NodeSpec.Platform p = node.platform();
        if (p == null || p.image() == null) {
            return Future.succeededFuture();
        }
        return catalog.images().compose(images -> {
            var kernels = images.get(p.image());
            if (kernels == null) {
                return Future.failedFuture(
                        refused("image " + p.image() + " is not among MAAS's boot resources " + images.keySet()));
            }
            if (p.kernel() != null && !kernels.isEmpty() && !kernels.contains(p.kernel())) {
                return Future.failedFuture(
                        refused("kernel " + p.kernel() + " is not offered for " + p.image() + " " + kernels));
            }
            return Future.succeededFuture();
        });
    }

    private Future<Void> ensureTag(Machine m, JsonArray tags, String name, String kernelOpts) {
        JsonObject existing = JsonLists.find(tags, "name", name);
        boolean same = existing != null
                && (kernelOpts == null || Objects.equals(kernelOpts, existing.getString("kernel_opts")));
        Future<Void> ready;
        if (same) {
            ready = Future.succeededFuture();
        } else {
            Future<Void> removed = existing == null ? Future.succeededFuture() : client.delete("tags/" + name + "/");
            ready = removed.compose(x -> client.post(
                                    "tags/",
                                    null,
                                    Forms.of("name", name, "kernel_opts", kernelOpts, "comment", SiteNetworks.COMMENT))
                            .<Void>mapEmpty())
                    .recover(e -> kernelOpts == null ? createdMeanwhile(name, e) : Future.failedFuture(e));
        }
        if (same && m.tagNames().contains(name)) {
            return ready;
        }
        return ready.compose(x -> client.post("tags/" + name + "/", "update_nodes", Forms.of("add", m.systemId()))
                .mapEmpty());
    }

    /**
     * A design tag is shared by many nodes whose platforms are applied concurrently: when its creation is refused
     * (MAAS: 400 "Tag with this Name already exists.") and the tag is there now, another node created it.
     */
    private Future<Void> createdMeanwhile(String name, Throwable refusal) {
        return client.getObject("tags/" + name + "/")
                .<Void>mapEmpty()
                .recover(notThere -> Future.failedFuture(refusal));
    }

    private static DriverException refused(String message) {
        return new DriverException(Kind.REFUSED, false, message);
    }
}
