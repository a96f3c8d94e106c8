package io.slipway.drivers.maas;

import io.slipway.drivers.maas.api.Forms;
import io.slipway.drivers.maas.api.MaasClient;
import io.slipway.drivers.maas.api.Machine;
import io.slipway.drivers.spi.DriverException;
import io.slipway.drivers.spi.DriverException.Kind;
import io.slipway.drivers.spi.node.NodeSpec;
import io.slipway.drivers.spi.node.NodeStatus;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import java.util.Set;

/**
 * The long-running machine operations: commissioning, deployment and release. Each looks at the
 * machine's status first and only starts what is not done yet, then waits for MAAS to report the
 * end state (see {@link MachineWatcher}).
 */
final class Lifecycle {
    private static final Set<String> READY = Set.of("Ready");
    /** The failed states MAAS releases from ({@code RELEASABLE_STATUSES}, {@code models/node.py:886-897}). */
    private static final Set<String> RELEASABLE =
            Set.of("Broken", "Failed deployment", "Failed disk erasing", "Releasing failed");

    private final MaasClient client;
    private final MachineLocator locator;
    private final MachineWatcher watcher;
    private final MaasConfig config;
    private final java.util.function.Function<NodeSpec, String> userData;

    /** {@code userData}: the node's base64 {@code user_data}, or null when it has no boot actions to fetch. */
    Lifecycle(
            MaasClient client,
            MachineLocator locator,
            MachineWatcher watcher,
            MaasConfig config,
            java.util.function.Function<NodeSpec, String> userData) {
        this.client = client;
        this.locator = locator;
        this.watcher = watcher;
        this.config = config;
        this.userData = userData;
    }

    /** Commissions New, Broken and commissioning-failed machines; waits for ones in progress. */
    Future<Machine> commission(NodeSpec node) {
        String what = "commission " + node.name();
        return locator.require(node).compose(m -> switch (MachinePhases.phase(m.statusName())) {
            case NEW -> startCommissioning(m, what);
            case COMMISSIONING -> watcher.await(m.systemId(), READY, config.commissionTimeout(), what);
            case READY, ALLOCATED, DEPLOYING, DEPLOYED, RELEASING -> Future.succeededFuture(m);
            default -> needsCommissioning(m) ? startCommissioning(m, what) : Future.succeededFuture(m);
        });
    }

    /** Allocates and deploys a Ready machine; a Deployed one completes at once. */
    Future<NodeStatus> deploy(NodeSpec node) {
        String what = "deploy " + node.name();
        return locator.require(node)
                .compose(m -> switch (MachinePhases.phase(m.statusName())) {
                    case DEPLOYED -> Future.succeededFuture(m);
                    case DEPLOYING -> watcher.await(m.systemId(), Set.of("Deployed"), config.deployTimeout(), what);
                    case READY ->
                        client.post("machines/", "allocate", Forms.of("system_id", m.systemId()))
                                .compose(x -> startDeployment(m, node, what));
                    case ALLOCATED -> startDeployment(m, node, what);
                    case FAILED -> Future.failedFuture(MachineWatcher.refused(what, m));
                    default -> Future.failedFuture(unexpected(what, m));
                })
                .map(MachinePhases::status);
    }

    /** Releases an allocated, deployed or failed machine, erasing disks when asked. */
    Future<NodeStatus> destroy(NodeSpec node, boolean erase) {
        String what = "release " + node.name();
        return locator.find(node).compose(m -> {
            if (m == null) {
                return Future.succeededFuture(NodeStatus.absent());
            }
            Future<Machine> released = switch (MachinePhases.phase(m.statusName())) {
                case RELEASING -> watcher.await(m.systemId(), READY, config.releaseTimeout(), what);
                case ALLOCATED, DEPLOYING, DEPLOYED -> release(m, erase, what);
                case FAILED ->
                    RELEASABLE.contains(m.statusName()) ? release(m, erase, what) : Future.succeededFuture(m);
                default -> Future.succeededFuture(m);
            };
            return released.map(MachinePhases::status);
        });
    }

    private Future<Machine> startCommissioning(Machine m, String what) {
        return client.post(m.path(), "commission", Forms.of("enable_ssh", "0"))
                .compose(x -> watcher.await(m.systemId(), READY, config.commissionTimeout(), what));
    }

    /**
     * Workload annotations from the design's {@code owner_data} (the machine must be allocated to us), then {@code
     * op=deploy} with the image, kernel and the boot-action {@code user_data} when the node was handed a key.
     */
    private Future<Machine> startDeployment(Machine m, NodeSpec node, String what) {
        NodeSpec.Platform p = node.platform();
        MultiMap form = p == null ? Forms.of() : Forms.of("distro_series", p.image(), "hwe_kernel", p.kernel());
        String script = userData.apply(node);
        if (script != null) {
            form.add("user_data", script);
        }
        Future<Object> annotated = node.labels() == null || node.labels().isEmpty()
                ? Future.succeededFuture()
                : client.post(m.path(), "set_workload_annotations", annotations(node));
        return annotated
                .compose(x -> client.post(m.path(), "deploy", form))
                .compose(x -> watcher.await(m.systemId(), Set.of("Deployed"), config.deployTimeout(), what));
    }

    private Future<Machine> release(Machine m, boolean erase, String what) {
        MultiMap form = erase
                ? Forms.of("erase", "true", "quick_erase", String.valueOf(config.quickErase()))
                : Forms.of("erase", "false");
        return client.post(m.path(), "release", form)
                .compose(x -> watcher.await(m.systemId(), READY, config.releaseTimeout(), what));
    }

    private static MultiMap annotations(NodeSpec node) {
        MultiMap form = Forms.of();
        new java.util.TreeMap<>(node.labels()).forEach(form::add);
        return form;
    }

    /** Broken machines and failed commissioning or testing leave the hardware unknown. */
    private static boolean needsCommissioning(Machine m) {
        String s = m.statusName().toLowerCase();
        return s.equals("broken") || s.contains("commissioning") || s.contains("testing");
    }

    private static DriverException unexpected(String what, Machine m) {
        return new DriverException(
                Kind.REFUSED,
                false,
                what + ": machine " + m.systemId() + " is " + m.statusName() + "; commission it first");
    }
}
