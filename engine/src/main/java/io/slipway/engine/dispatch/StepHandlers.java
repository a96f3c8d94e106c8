package io.slipway.engine.dispatch;

import io.slipway.drivers.spi.BootDevice;
import io.slipway.drivers.spi.BootOptions;
import io.slipway.drivers.spi.PowerAction;
import io.slipway.drivers.spi.node.ApplyStep;
import io.slipway.drivers.spi.node.NodeStatus;
import io.slipway.engine.lifecycle.Step;
import io.vertx.core.Future;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The handler of every lifecycle {@link Step}: one entry per step, checked complete when built, so a
 * step without a handler fails at start-up rather than when a rule first decides it. Immutable.
 */
public final class StepHandlers {
    private final Map<Step, StepHandler> handlers;

    private StepHandlers(Map<Step, StepHandler> handlers) {
        for (Step s : Step.values()) {
            if (!handlers.containsKey(s)) {
                throw new IllegalStateException("no handler for step " + s.label());
            }
        }
        this.handlers = new EnumMap<>(handlers);
    }

    /** The handler of {@code step} (never null). */
    public StepHandler of(Step step) {
        return handlers.get(step);
    }

    /** The product's handlers: what each step does with the drivers. */
    public static StepHandlers standard() {
        Map<Step, StepHandler> h = new EnumMap<>(Step.class);
        h.put(Step.VALIDATE_OOB, c -> c.oob().validate(c.target()).map("BMC reachable"));
        h.put(
                Step.SET_PXE,
                c -> c.oob().setBootDevice(c.target(), StepCall.pxeOnce()).map("next boot: PXE"));
        h.put(Step.POWER_CYCLE, c -> power(c, PowerAction.CYCLE));
        h.put(Step.POWER_ON, c -> power(c, PowerAction.ON));
        h.put(Step.POWER_OFF, c -> power(c, PowerAction.OFF));
        h.put(
                Step.IDENTIFY,
                c -> c.drivers()
                        .node()
                        .identify(c.spec())
                        .map(s -> "bootstrapper id " + s.driverId() + " (" + s.detail() + ")"));
        h.put(
                Step.COMMISSION,
                c -> c.drivers()
                        .node()
                        .commission(c.spec())
                        .compose(m -> c.buildData().record(c.node(), m).map("hardware manifest: " + m.summary())));
        h.put(Step.APPLY_NETWORKING, c -> apply(c, ApplyStep.NETWORKING, "networking applied"));
        h.put(Step.APPLY_STORAGE, c -> apply(c, ApplyStep.STORAGE, "storage applied"));
        h.put(Step.APPLY_PLATFORM, c -> apply(c, ApplyStep.PLATFORM, "platform applied"));
        h.put(Step.DEPLOY, StepHandlers::deploy);
        h.put(
                Step.DESTROY,
                c -> c.drivers().node().destroy(c.spec(), true).map(s -> "released and erased (" + s.detail() + ")"));
        h.put(Step.BOOT_AGENT, StepHandlers::bootAgent);
        h.put(
                Step.BOOT_DISK,
                c -> c.bootFrom(BootOptions.persistentKeepingMode(BootDevice.DISK))
                        .map(s -> "booting the installed disk: power " + s));
        h.put(
                Step.AWAIT_BOOTED,
                c -> c.agent()
                        .awaitBooted(c.spec())
                        .compose(s -> c.recordDeployment().map("first boot reported (" + s.detail() + ")")));
        h.put(
                Step.PORT_PROVISIONING,
                c -> c.port()
                        .compose(p -> c.drivers().network().configureProvisioning(p.port(), p.provisioning()))
                        .map(s -> "port " + s.mode() + " (native VLAN " + s.nativeVlan() + ")"));
        h.put(
                Step.PORT_PRODUCTION,
                c -> c.port()
                        .compose(p -> c.drivers().network().configureProduction(p.port(), p.production()))
                        .map(s -> "port " + s.mode() + " (tagged " + s.taggedVlans() + ", MTU " + s.mtu() + ")"));
        h.put(Step.RELABEL, StepHandlers::relabel);
        return new StepHandlers(h);
    }

    /** These handlers with {@code step} handled by {@code handler} instead (a site-specific step). */
    public StepHandlers with(Step step, StepHandler handler) {
        Map<Step, StepHandler> h = new EnumMap<>(handlers);
        h.put(step, handler);
        return new StepHandlers(h);
    }

    private static Future<String> power(StepCall c, PowerAction action) {
        return c.oob().setPower(c.target(), action).map(s -> "power " + s);
    }

    private static Future<String> apply(StepCall c, ApplyStep step, String done) {
        return c.drivers().node().apply(c.spec(), step).map(done);
    }

    /** Hands the node its boot-action context (once per task), then writes the OS. */
    private static Future<String> deploy(StepCall c) {
        return c.bootActions()
                .issue(c.site(), c.node())
                .compose(ctx -> ctx == null
                        ? Future.<Void>succeededFuture()
                        : c.drivers().node().bootActions(c.spec(), ctx.keyHex(), ids(ctx.actionIds())))
                .compose(v -> c.drivers().node().deploy(c.spec()))
                .compose(s -> s.phase() == NodeStatus.Phase.DEPLOYED
                        ? c.recordDeployment().map("deployed (" + s.detail() + ")")
                        : Future.succeededFuture("written (" + s.detail() + ")"));
    }

    /** Nothing when the agent already runs on the node, else next boot PXE and a power cycle. */
    private static Future<String> bootAgent(StepCall c) {
        return c.agent()
                .armAgent(c.spec())
                .compose(running -> running
                        ? Future.succeededFuture("the agent is running: no boot needed")
                        : c.bootFrom(StepCall.pxeOnce()).map(s -> "booting the agent: next boot PXE, power " + s));
    }

    /**
     * Sets the design's labels on the node's Kubernetes Node object and removes the labels the design
     * no longer has; labels under {@code kubernetes.io} (set by the kubelet and the cluster) are kept.
     */
    private static Future<String> relabel(StepCall c) {
        Map<String, String> labels = c.spec().labels();
        var k8s = c.drivers().kubernetes();
        return k8s.labels(c.node()).compose(current -> {
            Set<String> dropped = new TreeSet<>(current.keySet());
            dropped.removeAll(labels.keySet());
            dropped.removeIf(key -> key.contains("kubernetes.io"));
            return k8s.relabel(c.node(), labels, dropped)
                    .map(l -> "labels " + new TreeMap<>(l) + (dropped.isEmpty() ? "" : "; removed " + dropped));
        });
    }

    private static Map<String, String> ids(Map<String, java.util.UUID> ids) {
        Map<String, String> out = new TreeMap<>();
        ids.forEach((k, v) -> out.put(k, v.toString()));
        return out;
    }
}
