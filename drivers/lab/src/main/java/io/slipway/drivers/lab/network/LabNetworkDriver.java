package io.slipway.drivers.lab.network;

import io.slipway.drivers.lab.LabCallLog;
import io.slipway.drivers.lab.LabCallLog.Result;
import io.slipway.drivers.lab.LabTiming;
import io.slipway.drivers.spi.DriverException;
import io.slipway.drivers.spi.DriverException.Kind;
import io.slipway.drivers.spi.network.NetworkDriver;
import io.slipway.drivers.spi.network.PortConfig;
import io.slipway.drivers.spi.network.PortRef;
import io.slipway.drivers.spi.network.PortState;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The {@code lab} network driver: in-memory switch ports keyed by switch name and port, created on
 * first use, with provisioning and production modes, link state and an LLDP neighbour (the node
 * interface of the {@link PortRef}).
 *
 * <p>Idempotent: a port that already has the requested configuration is not changed and nothing is
 * recorded in {@link #calls()} (subject {@code switch:port}). A change takes {@code latencyMs} on a
 * timer (zero: at once). VLAN ids must be 1–4094 and MTUs 576–9216 (0 = 1500), else {@code REFUSED}
 * without a change; provisioning needs a native VLAN.
 *
 * <p>Faults: {@link #faults(String, String)} per port, {@link #unreachable(String, boolean)} per
 * switch ({@code UNREACHABLE}). Thread-safe; futures complete on a Vert.x context.
 */
public final class LabNetworkDriver implements NetworkDriver {

    public static final String TYPE = "lab";
    static final String PROVISIONING = "provisioning";
    static final String PRODUCTION = "production";

    private final Vertx vertx;
    private final long latencyMs;
    private final long timeoutMs;
    private final LabCallLog log = new LabCallLog();
    private final Map<String, LabSwitchPort> ports = new ConcurrentHashMap<>();
    private final Map<String, LabPortFaults> faults = new ConcurrentHashMap<>();
    private final Set<String> down = ConcurrentHashMap.newKeySet();

    private LabNetworkDriver(Vertx vertx, long latencyMs, long timeoutMs) {
        this.vertx = vertx;
        this.latencyMs = latencyMs;
        this.timeoutMs = timeoutMs;
    }

    /**
     * A driver whose changes take {@code latencyMs} and whose hung changes fail after {@code
     * timeoutMs}.
     */
    public static LabNetworkDriver create(Vertx vertx, long latencyMs, long timeoutMs) {
        return new LabNetworkDriver(vertx, latencyMs, timeoutMs);
    }

    /** The call-log subject of a port: {@code switch:port}. */
    public static String subject(String switchName, String port) {
        return switchName + ":" + port;
    }

    /** The configuration changes made, per port. */
    public LabCallLog calls() {
        return log;
    }

    public LabPortFaults faults(String switchName, String port) {
        return faults.computeIfAbsent(subject(switchName, port), k -> new LabPortFaults());
    }

    /** While {@code down}, every call to ports of {@code switchName} fails {@code UNREACHABLE}. */
    public LabNetworkDriver unreachable(String switchName, boolean isDown) {
        if (isDown) {
            down.add(switchName);
        } else {
            down.remove(switchName);
        }
        return this;
    }

    /** Sets the link state of a port (a pulled cable), creating the port when needed. */
    public LabNetworkDriver link(PortRef ref, boolean up) {
        port(ref).link(up);
        return this;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Future<PortState> interrogate(PortRef ref) {
        return call(ref, () -> Future.succeededFuture(port(ref).state()));
    }

    @Override
    public Future<PortState> configureProvisioning(PortRef ref, PortConfig config) {
        if (config.nativeVlan() == null) {
            return call(
                    ref, () -> Future.failedFuture(refused(ref, "provisioning needs a native VLAN (the PXE network)")));
        }
        return configure(ref, PROVISIONING, config);
    }

    @Override
    public Future<PortState> configureProduction(PortRef ref, PortConfig config) {
        return configure(ref, PRODUCTION, config);
    }

    private Future<PortState> configure(PortRef ref, String mode, PortConfig config) {
        return call(ref, () -> {
            String invalid = LabPortRules.problem(config);
            if (invalid != null) {
                return Future.failedFuture(refused(ref, invalid));
            }
            LabSwitchPort port = port(ref);
            return port.has(mode, config) ? Future.succeededFuture(port.state()) : change(ref, port, mode, config);
        });
    }

    private Future<PortState> change(PortRef ref, LabSwitchPort port, String mode, PortConfig config) {
        String subject = subject(ref.switchName(), ref.port());
        LabPortFaults f = faults(ref.switchName(), ref.port());
        Promise<PortState> done = Promise.promise();
        if (!f.hangs()) {
            LabTiming.after(vertx, latencyMs, () -> {
                Kind failure = f.takeFailure();
                if (failure == null) {
                    PortState state = port.set(mode, config);
                    log.record(subject, mode, Result.DONE, "");
                    done.complete(state);
                } else {
                    log.record(subject, mode, Result.FAILED, "injected fault");
                    done.fail(new DriverException(
                            failure, true, "lab: switch " + subject + " rejected the " + mode + " configuration"));
                }
            });
        }
        return LabTiming.bounded(vertx, done.future(), timeoutMs, "lab: switch " + subject + ": " + mode);
    }

    private LabSwitchPort port(PortRef ref) {
        return ports.computeIfAbsent(subject(ref.switchName(), ref.port()), k -> new LabSwitchPort(ref));
    }

    private <T> Future<T> call(PortRef ref, Supplier<Future<T>> body) {
        Future<T> result = down.contains(ref.switchName())
                ? Future.failedFuture(
                        DriverException.unreachable("lab: switch " + ref.switchName() + " does not answer", null))
                : body.get();
        return LabTiming.onContext(vertx, result);
    }

    private static DriverException refused(PortRef ref, String why) {
        return new DriverException(
                Kind.REFUSED, false, "lab: switch " + subject(ref.switchName(), ref.port()) + ": " + why);
    }

    /** For tests of callers: every port seen so far and its state. */
    public Map<String, PortState> ports() {
        Map<String, PortState> all = new TreeMap<>();
        ports.forEach((k, p) -> all.put(k, p.state()));
        return all;
    }
}
