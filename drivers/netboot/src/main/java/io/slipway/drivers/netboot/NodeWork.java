package io.slipway.drivers.netboot;

import io.slipway.drivers.spi.DriverException;
import io.slipway.drivers.spi.node.DeviceAliases;
import io.slipway.drivers.spi.node.HardwareManifest;
import io.slipway.drivers.spi.node.Inventory;
import io.slipway.drivers.spi.node.NodeSpec;
import io.slipway.drivers.spi.node.NodeStatus;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Set;

/**
 * The engine-facing operations of the netboot driver on one node: identify, commission, plan, deploy,
 * wait for the first boot, destroy, status and arming the agent. Runs on the driver's context.
 */
final class NodeWork {
    static final String GENERATOR = "slipway-netboot-agent";
    private final Vertx vertx;
    private final NetbootConfig config;
    private final JobControl jobs;
    private final NetbootState state;
    private final ImageRegistry images;
    private final SiteWork site;
    private final NodeStatuses statuses;

    NodeWork(Vertx vertx, NetbootConfig config, JobControl jobs, ImageRegistry images) {
        this.vertx = vertx;
        this.config = config;
        this.jobs = jobs;
        this.state = jobs.state();
        this.images = images;
        this.site = new SiteWork(config, images);
        this.statuses = new NodeStatuses(state);
    }

    SiteWork site() {
        return site;
    }

    Future<NodeStatus> identify(NodeSpec node) {
        String mac = BootRoutes.mac(node.bootMac());
        if (mac == null) {
            return Future.failedFuture(new DriverException(
                    DriverException.Kind.REFUSED,
                    false,
                    node.name() + " has no usable boot MAC (metadata.boot_mac: " + node.bootMac()
                            + "); netboot finds nodes by it"));
        }
        return state.get(NetbootState.MAC, mac)
                .compose(owner -> {
                    if (owner != null && !owner.getString("node").equals(node.name())) {
                        return Future.failedFuture(new DriverException(
                                DriverException.Kind.REFUSED,
                                false,
                                "boot MAC " + mac + " of " + node.name() + " is registered to "
                                        + owner.getString("node")));
                    }
                    return state.put(NetbootState.MAC, mac, new JsonObject().put("node", node.name()));
                })
                .compose(v -> state.get(NetbootState.NODE, node.name()))
                .compose(rec -> state.put(
                        NetbootState.NODE, node.name(), (rec == null ? new JsonObject() : rec).put("mac", mac)))
                .compose(v -> state.get(NetbootState.INVENTORY, node.name()))
                .compose(inv -> inv == null ? jobs.arm(node.name(), "inspect").mapEmpty() : Future.succeededFuture())
                .compose(v -> status(node));
    }

    Future<HardwareManifest> commission(NodeSpec node) {
        return state.get(NetbootState.INVENTORY, node.name())
                .compose(inv -> inv != null
                        ? Future.succeededFuture(manifest(node, inv))
                        : jobs.arm(node.name(), "inspect")
                                .compose(j -> jobs.await(
                                        node.name(),
                                        j.id(),
                                        Set.of("succeeded", "failed"),
                                        jobs.now() + config.commissionTimeoutMs(),
                                        "commissioning"))
                                .compose(r -> r.getString("state").equals("failed")
                                        ? Future.failedFuture(AgentFailures.refused("inspection", node, r))
                                        : state.get(NetbootState.INVENTORY, node.name())
                                                .map(i -> manifest(node, i))));
    }

    /** The hardware manifest: the agent's inventory plus the design's aliases resolved against it. */
    static HardwareManifest manifest(NodeSpec node, JsonObject inventory) {
        Inventory inv = Inventory.parse(inventory.encode());
        DeviceAliases.Resolution r = DeviceAliases.resolve(node.deviceAliases(), inv);
        JsonObject data = inv.toJson()
                .put(
                        "device_aliases",
                        new JsonObject()
                                .put("resolved", new JsonObject(new java.util.LinkedHashMap<>(r.resolved())))
                                .put("unresolved", new JsonObject(new java.util.LinkedHashMap<>(r.unresolved()))));
        Map<String, String> summary = new java.util.LinkedHashMap<>(inv.summary());
        summary.put(
                "aliases", r.resolved().size() + " resolved, " + r.unresolved().size() + " unresolved");
        return new HardwareManifest(GENERATOR, "json", data.encodePrettily(), summary);
    }

    /** Computes and stores the deploy plan (pure in its inputs; storing it again changes nothing). */
    Future<DeployPlan> plan(NodeSpec node) {
        return state.get(NetbootState.INVENTORY, node.name())
                .compose(inv -> {
                    if (inv == null) {
                        return Future.failedFuture(new DriverException(
                                DriverException.Kind.REFUSED,
                                true,
                                node.name() + " has not been inspected: commission it first"));
                    }
                    String image =
                            node.platform() == null ? null : node.platform().image();
                    return vertx.executeBlocking(() -> images.find(image), false)
                            .map(img -> DeployPlan.of(node, Inventory.parse(inv.encode()), img, config.baseUrl()));
                })
                .compose(p ->
                        state.put(NetbootState.PLAN, node.name(), p.toJson()).map(p));
    }

    Future<NodeStatus> deploy(NodeSpec node) {
        return state.get(NetbootState.DEPLOYED, node.name())
                .compose(done -> done != null
                        ? Future.succeededFuture(NodeStatuses.deployed(done))
                        : state.job(node.name()).compose(j -> {
                            if (j != null
                                    && j.kind().equals("deploy")
                                    && j.state().equals("installed")) {
                                return Future.succeededFuture(NodeStatuses.installed(node, j));
                            }
                            Future<Job> job = j != null && j.kind().equals("deploy") && j.agentActive()
                                    ? Future.succeededFuture(j)
                                    : plan(node).compose(p -> jobs.arm(node.name(), "deploy"));
                            return job.compose(d -> jobs.await(
                                            node.name(),
                                            d.id(),
                                            Set.of("installed", "failed"),
                                            jobs.now() + config.deployTimeoutMs(),
                                            "deployment")
                                    .compose(r -> r.getString("state").equals("failed")
                                            ? state.markFailed(node.name(), r.getString("error"))
                                                    .compose(x -> Future.failedFuture(
                                                            AgentFailures.refused("deployment", node, r)))
                                            : state.job(node.name())
                                                    .map(k -> NodeStatuses.installed(node, k == null ? d : k))));
                        }));
    }

    Future<NodeStatus> awaitBooted(NodeSpec node) {
        return state.get(NetbootState.DEPLOYED, node.name())
                .compose(done -> done != null
                        ? Future.succeededFuture(NodeStatuses.deployed(done))
                        : state.job(node.name()).compose(j -> {
                            if (j == null || !j.kind().equals("deploy")) {
                                return Future.failedFuture(new DriverException(
                                        DriverException.Kind.REFUSED,
                                        true,
                                        node.name() + " has no deployment waiting for its first boot"));
                            }
                            return jobs.await(
                                            node.name(),
                                            j.id(),
                                            Set.of("succeeded", "failed"),
                                            jobs.now() + config.bootedTimeoutMs(),
                                            "the first boot of the installed OS")
                                    .compose(r -> r.getString("state").equals("failed")
                                            ? Future.failedFuture(AgentFailures.refused("first boot", node, r))
                                            : state.get(NetbootState.DEPLOYED, node.name())
                                                    .map(NodeStatuses::deployed));
                        }));
    }

    Future<NodeStatus> destroy(NodeSpec node, boolean erase) {
        String n = node.name();
        return state.get(NetbootState.DEPLOYED, n)
                .compose(done -> state.get(NetbootState.NODE, n)
                        .compose(rec -> state.job(n).compose(j -> {
                            boolean inUse = done != null
                                    || rec != null && rec.getString("failed") != null
                                    || j != null && j.kind().equals("deploy");
                            if (!inUse) {
                                return status(node);
                            }
                            Future<Void> cancelled = j != null && j.kind().equals("deploy")
                                    ? jobs.end(
                                            n,
                                            j.id(),
                                            "failed",
                                            "destroyed before the deployment finished",
                                            j.agentActive())
                                    : Future.succeededFuture();
                            Future<Void> erased = !erase
                                    ? cancelled
                                    : cancelled
                                            .compose(v -> jobs.arm(n, "erase"))
                                            .compose(e -> jobs.await(
                                                            n,
                                                            e.id(),
                                                            Set.of("succeeded", "failed"),
                                                            jobs.now() + config.eraseTimeoutMs(),
                                                            "erasing")
                                                    .compose(r ->
                                                            r.getString("state").equals("failed")
                                                                    ? Future.failedFuture(
                                                                            AgentFailures.refused("erase", node, r))
                                                                    : Future.<Void>succeededFuture()));
                            // the engine powers the node off after destroy: its agent is no longer resident for the
                            // next deploy
                            Future<Void> released = !erase
                                    ? erased
                                    : erased.compose(v -> state.job(n))
                                            .compose(k -> k != null && k.kind().equals("standby")
                                                    ? jobs.end(n, k.id(), "succeeded", null, false)
                                                    : Future.<Void>succeededFuture());
                            return released.compose(v -> state.delete(NetbootState.DEPLOYED, n))
                                    .compose(v -> state.delete(NetbootState.BOOT_ACTIONS, n))
                                    .compose(v -> state.clearFailure(n))
                                    .compose(v -> status(node));
                        })));
    }

    Future<NodeStatus> status(NodeSpec node) {
        return statuses.of(node);
    }

    Future<Boolean> armAgent(NodeSpec node) {
        return state.job(node.name()).compose(j -> {
            if (jobs.resident(j)) {
                return Future.succeededFuture(true);
            }
            return j != null && j.agentActive()
                    ? Future.succeededFuture(false)
                    : jobs.arm(node.name(), "standby").map(false);
        });
    }
}
