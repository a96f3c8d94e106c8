package io.slipway.drivers.lab.node;

import io.slipway.drivers.lab.LabCallLog;
import io.slipway.drivers.lab.LabTiming;
import io.slipway.drivers.lab.bmc.LabChassis;
import io.slipway.drivers.spi.DriverException;
import io.slipway.drivers.spi.PowerState;
import io.slipway.drivers.spi.node.ApplyStep;
import io.slipway.drivers.spi.node.HardwareManifest;
import io.slipway.drivers.spi.node.NodeDriver;
import io.slipway.drivers.spi.node.NodeSpec;
import io.slipway.drivers.spi.node.NodeStatus;
import io.slipway.drivers.spi.node.SiteReport;
import io.slipway.drivers.spi.node.SiteSpec;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The {@code lab} node driver: an in-memory bootstrapper for demos and scale tests. Machines move
 * through {@code ABSENT → NEW} (identify) {@code → COMMISSIONING → READY → ALLOCATED → DEPLOYING →
 * DEPLOYED} and {@code RELEASING → READY}; commissioning yields an lshw-like manifest derived from
 * the node spec. Durations come from {@link LabNodeConfig} (zero: at once, without timers).
 *
 * <p>Idempotent as {@link NodeDriver} requires: a step already done completes at once and is not
 * recorded again in {@link #calls()}; a step in progress is joined, not restarted. Machines are
 * keyed by node name.
 *
 * <p>Tests and the demo steer it with {@link #faults(String)} (per node and step: fail, hang,
 * slow), {@link #unreachable(boolean)} (the whole bootstrapper) and {@link #attach(String,
 * LabChassis)} (with {@code requirePower}, a node is only commissioned or deployed while its lab
 * chassis is on). Thread-safe; futures complete on a Vert.x context.
 */
public final class LabNodeDriver implements NodeDriver {

    public static final String TYPE = "lab";

    /** The call-log subject of site-wide steps. */
    public static final String SITE = "(site)";

    private final LabNodeConfig config;
    private final Vertx vertx;
    private final LabCallLog log = new LabCallLog();
    private final Map<String, LabMachine> machines = new ConcurrentHashMap<>();
    private final Map<String, LabNodeFaults> faults = new ConcurrentHashMap<>();
    private final Map<String, LabChassis> chassis = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final LabRunner runner;
    private final LabNodeSteps steps;
    private volatile boolean unreachable;
    private volatile int site;

    private LabNodeDriver(Vertx vertx, LabNodeConfig config) {
        this.vertx = vertx;
        this.config = config;
        this.runner = new LabRunner(vertx, config, log, this::faults);
        this.steps = new LabNodeSteps(runner, config);
    }

    public static LabNodeDriver create(Vertx vertx, LabNodeConfig config) {
        return new LabNodeDriver(vertx, config);
    }

    /** What the bootstrapper did, per node ({@link #SITE} for site-wide steps). */
    public LabCallLog calls() {
        return log;
    }

    /** The fault knobs of {@code node}, created on first use. */
    public LabNodeFaults faults(String node) {
        return faults.computeIfAbsent(node, n -> new LabNodeFaults());
    }

    /** While true, every call fails {@code UNREACHABLE} (the bootstrapper is down). */
    public LabNodeDriver unreachable(boolean down) {
        this.unreachable = down;
        return this;
    }

    /** Ties {@code node} to a lab chassis, checked when {@code requirePower} is set. */
    public LabNodeDriver attach(String node, LabChassis labChassis) {
        chassis.put(node, labChassis);
        return this;
    }

    /** Every machine the bootstrapper knows and its status now, by name. */
    public Map<String, NodeStatus> machines() {
        Map<String, NodeStatus> all = new TreeMap<>();
        machines.forEach((name, m) -> all.put(name, m.status()));
        return all;
    }

    private final java.util.Map<String, String> bootActionKeys = new java.util.concurrent.ConcurrentHashMap<>();

    /** The boot-action key last handed to {@code node} (the lab's stand-in for a bootstrapper tag), or null. */
    public String bootActionKey(String node) {
        return bootActionKeys.get(node);
    }

    @Override
    public Future<Void> bootActionKey(NodeSpec node, String keyHex) {
        bootActionKeys.put(node.name(), keyHex);
        return Future.succeededFuture();
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Future<SiteReport> verifySite() {
        return call(() -> Future.succeededFuture(
                new SiteReport(config.images(), "lab bootstrapper, " + machines.size() + " machines")));
    }

    @Override
    public Future<Void> prepareSite(SiteSpec spec) {
        int fingerprint = Objects.hashCode(spec);
        return call(() -> site == fingerprint
                ? Future.succeededFuture()
                : runner.instant(SITE, LabStep.PREPARE_SITE, () -> {
                    site = fingerprint;
                    return null;
                }));
    }

    @Override
    public Future<NodeStatus> identify(NodeSpec node) {
        return call(() -> {
            LabMachine known = machines.get(node.name());
            if (known != null) {
                return Future.succeededFuture(known.status());
            }
            return runner.instant(
                    node.name(), LabStep.IDENTIFY, () -> enrol(node.name()).status());
        });
    }

    @Override
    public Future<HardwareManifest> commission(NodeSpec node) {
        return call(() -> known(node, false).compose(m -> powered(node).compose(v -> steps.commission(m, node))));
    }

    @Override
    public Future<Void> apply(NodeSpec node, ApplyStep step) {
        return call(() -> known(node, true).compose(m -> steps.apply(m, node, step)));
    }

    @Override
    public Future<NodeStatus> deploy(NodeSpec node) {
        return call(() -> known(node, true).compose(m -> powered(node).compose(v -> steps.deploy(m))));
    }

    @Override
    public Future<NodeStatus> destroy(NodeSpec node, boolean eraseDisks) {
        return call(() -> {
            LabMachine m = machines.get(node.name());
            return m == null ? Future.succeededFuture(NodeStatus.absent()) : steps.destroy(m, eraseDisks);
        });
    }

    @Override
    public Future<NodeStatus> status(NodeSpec node) {
        return call(() -> {
            LabMachine m = machines.get(node.name());
            return Future.succeededFuture(m == null ? NodeStatus.absent() : m.status());
        });
    }

    private LabMachine enrol(String name) {
        return machines.computeIfAbsent(name, n -> new LabMachine(n, String.format("lab-%06d", ids.incrementAndGet())));
    }

    /** The machine, or (when adopting) a new one, made ready if the request needs it commissioned. */
    private Future<LabMachine> known(NodeSpec node, boolean needsCommissioned) {
        LabMachine m = machines.get(node.name());
        if (m == null && config.adoptUnknown()) {
            LabMachine adopted = enrol(node.name());
            if (needsCommissioned) {
                adopted.set(io.slipway.drivers.spi.node.NodeStatus.Phase.READY, "Ready");
            }
            return Future.succeededFuture(adopted);
        }
        return m != null
                ? Future.succeededFuture(m)
                : Future.failedFuture(
                        LabNodeSteps.refused("node " + node.name() + " is not enrolled; identify it first", false));
    }

    private Future<Void> powered(NodeSpec node) {
        LabChassis c = chassis.get(node.name());
        if (!config.requirePower() || c == null || c.power() == PowerState.ON) {
            return Future.succeededFuture();
        }
        return Future.failedFuture(LabNodeSteps.refused("node " + node.name() + " is powered off", true));
    }

    /** Runs a call unless the bootstrapper is down; completion is handed to a Vert.x context. */
    private <T> Future<T> call(Supplier<Future<T>> body) {
        if (unreachable) {
            return LabTiming.onContext(
                    vertx, Future.failedFuture(DriverException.unreachable("lab: bootstrapper is down", null)));
        }
        Future<T> result;
        try {
            result = body.get();
        } catch (RuntimeException e) { // e.g. a spec without a name: a caller's bug, not worth a retry
            result = Future.failedFuture(new DriverException(DriverException.Kind.FAILED, false, "lab: " + e, null, e));
        }
        return LabTiming.onContext(vertx, result);
    }
}
