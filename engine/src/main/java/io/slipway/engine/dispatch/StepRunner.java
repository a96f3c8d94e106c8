package io.slipway.engine.dispatch;

import io.slipway.drivers.spi.BootDevice;
import io.slipway.drivers.spi.BootOptions;
import io.slipway.drivers.spi.DriverException;
import io.slipway.drivers.spi.OobDriver;
import io.slipway.drivers.spi.OobTarget;
import io.slipway.drivers.spi.PowerAction;
import io.slipway.drivers.spi.node.ApplyStep;
import io.slipway.drivers.spi.node.NodeSpec;
import io.slipway.engine.lifecycle.Step;
import io.slipway.engine.site.SiteModel;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.Set;

/**
 * Runs one lifecycle step with the right driver and bounds it in time: a step that has not finished
 * after its timeout fails with {@code TIMEOUT} whatever the driver does (the driver's own late
 * answer is ignored). Any exception thrown while starting a step becomes a failed future.
 */
public final class StepRunner {
    private final Vertx vertx;
    private final DriverSet drivers;
    private final StepTimeouts timeouts;
    private final BuildDataSink buildData;
    private final BootActionIssuer bootActions;

    /**
     * Issues a node's boot-action context from the design revision it is being deployed with;
     * completes with it (key and action ids to hand to the node), or null when the node already holds
     * this task's context.
     */
    public interface BootActionIssuer {
        Future<io.slipway.engine.bootaction.IssuedContext> issue(SiteModel site, String node);
    }

    private static java.util.Map<String, String> ids(java.util.Map<String, java.util.UUID> ids) {
        java.util.Map<String, String> out = new java.util.TreeMap<>();
        ids.forEach((k, v) -> out.put(k, v.toString()));
        return out;
    }

    /** Where hardware manifests from commissioning go. */
    public interface BuildDataSink {
        Future<Void> record(String node, io.slipway.drivers.spi.node.HardwareManifest manifest);
    }

    public StepRunner(
            Vertx vertx,
            DriverSet drivers,
            StepTimeouts timeouts,
            BuildDataSink buildData,
            BootActionIssuer bootActions) {
        this.vertx = vertx;
        this.drivers = drivers;
        this.timeouts = timeouts;
        this.buildData = buildData;
        this.bootActions = bootActions;
    }

    /** Runs {@code step} for {@code node} of {@code site}; completes with a short description of the result. */
    public Future<String> run(Step step, SiteModel site, String node) {
        Future<String> work;
        try {
            work = start(step, site, node);
        } catch (RuntimeException e) {
            work = Future.failedFuture(e);
        }
        return bounded(work, timeouts.of(step), step, node);
    }

    private Future<String> start(Step step, SiteModel site, String node) {
        NodeSpec spec = site.nodeSpecs().get(node);
        if (spec == null) {
            return Future.failedFuture(
                    DriverException.unsupported(node + " is not in design revision " + site.revision()));
        }
        OobTarget target = site.oobTargets().get(node);
        return switch (step) {
            case VALIDATE_OOB -> oob(spec).validate(target).map("BMC reachable");
            case SET_PXE ->
                oob(spec)
                        .setBootDevice(target, BootOptions.onceKeepingMode(BootDevice.PXE))
                        .map("next boot: PXE");
            case POWER_CYCLE -> oob(spec).setPower(target, PowerAction.CYCLE).map(s -> "power " + s);
            case POWER_ON -> oob(spec).setPower(target, PowerAction.ON).map(s -> "power " + s);
            case POWER_OFF -> oob(spec).setPower(target, PowerAction.OFF).map(s -> "power " + s);
            case IDENTIFY ->
                drivers.node().identify(spec).map(s -> "bootstrapper id " + s.driverId() + " (" + s.detail() + ")");
            case COMMISSION ->
                drivers.node()
                        .commission(spec)
                        .compose(m -> buildData.record(node, m).map("hardware manifest: " + m.summary()));
            case APPLY_NETWORKING ->
                drivers.node().apply(spec, ApplyStep.NETWORKING).map("networking applied");
            case APPLY_STORAGE -> drivers.node().apply(spec, ApplyStep.STORAGE).map("storage applied");
            case APPLY_PLATFORM ->
                drivers.node().apply(spec, ApplyStep.PLATFORM).map("platform applied");
            case DEPLOY ->
                bootActions
                        .issue(site, node)
                        .compose(ctx -> ctx == null
                                ? Future.<Void>succeededFuture()
                                : drivers.node().bootActions(spec, ctx.keyHex(), ids(ctx.actionIds())))
                        .compose(v -> drivers.node().deploy(spec))
                        .compose(s -> s.phase() == io.slipway.drivers.spi.node.NodeStatus.Phase.DEPLOYED
                                ? recordDeployment(node, spec).map("deployed (" + s.detail() + ")")
                                : Future.succeededFuture("written (" + s.detail() + ")"));
            case DESTROY -> drivers.node().destroy(spec, true).map(s -> "released and erased (" + s.detail() + ")");
            case BOOT_AGENT ->
                agent().armAgent(spec)
                        .compose(running -> running
                                ? Future.succeededFuture("the agent is running: no boot needed")
                                : oob(spec)
                                        .setBootDevice(target, BootOptions.onceKeepingMode(BootDevice.PXE))
                                        .compose(v -> oob(spec).setPower(target, PowerAction.CYCLE))
                                        .map(s -> "booting the agent: next boot PXE, power " + s));
            case BOOT_DISK ->
                oob(spec)
                        .setBootDevice(target, BootOptions.persistentKeepingMode(BootDevice.DISK))
                        .compose(v -> oob(spec).setPower(target, PowerAction.CYCLE))
                        .map(s -> "booting the installed disk: power " + s);
            case AWAIT_BOOTED ->
                agent().awaitBooted(spec)
                        .compose(s -> recordDeployment(node, spec).map("first boot reported (" + s.detail() + ")"));
            case PORT_PROVISIONING ->
                port(site, node)
                        .compose(p -> drivers.network().configureProvisioning(p.port(), p.provisioning()))
                        .map(s -> "port " + s.mode() + " (native VLAN " + s.nativeVlan() + ")");
            case PORT_PRODUCTION ->
                port(site, node)
                        .compose(p -> drivers.network().configureProduction(p.port(), p.production()))
                        .map(s -> "port " + s.mode() + " (tagged " + s.taggedVlans() + ", MTU " + s.mtu() + ")");
            case RELABEL -> relabel(node, spec.labels());
        };
    }

    /** Keeps what the node was deployed from as build data ({@code deployment}), when the driver says. */
    private Future<Void> recordDeployment(String node, NodeSpec spec) {
        return drivers.node()
                .deployedImage(spec)
                .compose(d -> d == null
                        ? Future.<Void>succeededFuture()
                        : buildData.record(
                                node,
                                new io.slipway.drivers.spi.node.HardwareManifest(
                                        "deployment",
                                        "json",
                                        new io.vertx.core.json.JsonObject()
                                                .put("image", d.image())
                                                .put("sha256", d.sha256())
                                                .put("design_revision", d.designRevision())
                                                .encode(),
                                        java.util.Map.of(
                                                "image",
                                                d.image(),
                                                "sha256",
                                                String.valueOf(d.sha256()),
                                                "design_revision",
                                                Long.toString(d.designRevision())))));
    }

    private io.slipway.drivers.spi.node.AgentBootstrapper agent() {
        if (drivers.node() instanceof io.slipway.drivers.spi.node.AgentBootstrapper a) {
            return a;
        }
        throw DriverException.unsupported("the node driver " + drivers.node().type() + " runs no agent of its own");
    }

    private OobDriver oob(NodeSpec spec) {
        return drivers.oob(spec.oobType());
    }

    private static Future<io.slipway.engine.site.PortPlans> port(SiteModel site, String node) {
        var plan = site.ports().get(node);
        return plan == null
                ? Future.failedFuture(DriverException.unsupported(node + " has no switch port in the design"))
                : Future.succeededFuture(plan);
    }

    private Future<String> bounded(Future<String> work, long timeoutMs, Step step, String node) {
        Promise<String> p = Promise.promise();
        long timer = vertx.setTimer(
                timeoutMs,
                t -> p.tryFail(DriverException.timeout(
                        step.label() + " on " + node + " did not finish within " + timeoutMs + " ms")));
        work.onComplete(r -> {
            vertx.cancelTimer(timer);
            if (r.succeeded()) {
                p.tryComplete(r.result());
            } else {
                p.tryFail(r.cause());
            }
        });
        return p.future();
    }

    /**
     * Sets the design's labels on the node's Kubernetes Node object and removes the labels the design
     * no longer has; labels under {@code kubernetes.io} (set by the kubelet and the cluster) are kept.
     */
    private Future<String> relabel(String node, java.util.Map<String, String> labels) {
        return drivers.kubernetes().labels(node).compose(current -> {
            Set<String> dropped = new java.util.TreeSet<>(current.keySet());
            dropped.removeAll(labels.keySet());
            dropped.removeIf(key -> key.contains("kubernetes.io"));
            return drivers.kubernetes()
                    .relabel(node, labels, dropped)
                    .map(l ->
                            "labels " + new java.util.TreeMap<>(l) + (dropped.isEmpty() ? "" : "; removed " + dropped));
        });
    }
}
