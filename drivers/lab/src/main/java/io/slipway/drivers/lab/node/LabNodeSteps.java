package io.slipway.drivers.lab.node;

import io.slipway.drivers.spi.DriverException;
import io.slipway.drivers.spi.DriverException.Kind;
import io.slipway.drivers.spi.node.ApplyStep;
import io.slipway.drivers.spi.node.HardwareManifest;
import io.slipway.drivers.spi.node.NodeSpec;
import io.slipway.drivers.spi.node.NodeStatus;
import io.slipway.drivers.spi.node.NodeStatus.Phase;
import io.vertx.core.Future;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The lab bootstrapper's state machine: which phase allows which step, what is skipped because it
 * is done, and which step in progress a repeated call joins. Detail texts follow the status names
 * bootstrappers such as MAAS report.
 */
final class LabNodeSteps {

    private final LabRunner runner;
    private final LabNodeConfig config;

    LabNodeSteps(LabRunner runner, LabNodeConfig config) {
        this.runner = runner;
        this.config = config;
    }

    Future<HardwareManifest> commission(LabMachine m, NodeSpec node) {
        synchronized (m) {
            boolean retry = m.phase == Phase.NEW || m.failedStep == LabStep.COMMISSION;
            if (m.phase == Phase.COMMISSIONING || retry) {
                return joinOrBegin(
                                m,
                                LabStep.COMMISSION,
                                Phase.COMMISSIONING,
                                "Commissioning",
                                config.commissionMs(),
                                "Failed commissioning",
                                x -> {
                                    x.manifest = LabHardware.lshw(node);
                                    x.set(Phase.READY, "Ready");
                                })
                        .map(v -> manifest(m));
            }
            if (m.manifest != null) {
                return Future.succeededFuture(m.manifest);
            }
            return Future.failedFuture(wrongPhase(m, "commission"));
        }
    }

    Future<Void> apply(LabMachine m, NodeSpec node, ApplyStep step) {
        int fingerprint = switch (step) {
            case NETWORKING -> Objects.hash(node.interfaces());
            case STORAGE -> Objects.hash(node.storage());
            case PLATFORM -> Objects.hash(node.platform(), node.tags(), node.labels());
        };
        synchronized (m) {
            if (m.phase == Phase.DEPLOYING || m.phase == Phase.DEPLOYED) {
                return Future.succeededFuture(); // a deployed machine keeps the configuration it has
            }
            boolean configurable =
                    m.phase == Phase.READY || m.phase == Phase.ALLOCATED || m.failedStep == LabStep.DEPLOY;
            if (!configurable) {
                return Future.failedFuture(
                        wrongPhase(m, "apply " + LabStep.of(step).logName()));
            }
            if (Objects.equals(m.applied.get(step), fingerprint)) {
                return Future.succeededFuture();
            }
            // still under the monitor: two concurrent applies of the same part are one apply
            return runner.instant(m.name, LabStep.of(step), () -> m.applied.put(step, fingerprint))
                    .mapEmpty();
        }
    }

    Future<NodeStatus> deploy(LabMachine m) {
        synchronized (m) {
            switch (m.phase) {
                case DEPLOYED:
                    return Future.succeededFuture(m.status());
                case READY:
                    return runner.instant(m.name, LabStep.ALLOCATE, () -> {
                                m.set(Phase.ALLOCATED, "Allocated");
                                return null;
                            })
                            .compose(v -> deploy(m));
                case ALLOCATED:
                case DEPLOYING:
                    break;
                default:
                    if (m.failedStep != LabStep.DEPLOY) {
                        return Future.failedFuture(wrongPhase(m, "deploy"));
                    }
            }
            return joinOrBegin(
                            m,
                            LabStep.DEPLOY,
                            Phase.DEPLOYING,
                            "Deploying",
                            config.deployMs(),
                            "Failed deployment",
                            x -> x.set(Phase.DEPLOYED, "Deployed"))
                    .map(v -> m.status());
        }
    }

    Future<NodeStatus> destroy(LabMachine m, boolean eraseDisks) {
        synchronized (m) {
            // between release and erase nothing runs: that machine is erasing, not releasing
            boolean releasing = m.phase == Phase.RELEASING && m.running == LabStep.RELEASE;
            boolean holding = m.phase == Phase.ALLOCATED
                    || m.phase == Phase.DEPLOYING
                    || m.phase == Phase.DEPLOYED
                    || m.failedStep == LabStep.DEPLOY
                    || m.failedStep == LabStep.RELEASE;
            if (releasing || holding) {
                String next = eraseDisks ? "Disk erasing" : "Ready";
                return joinOrBegin(
                                m,
                                LabStep.RELEASE,
                                Phase.RELEASING,
                                "Releasing",
                                config.releaseMs(),
                                "Releasing failed",
                                x -> x.set(eraseDisks ? Phase.RELEASING : Phase.READY, next))
                        .compose(v -> eraseDisks ? erase(m) : Future.succeededFuture())
                        .map(v -> m.status());
            }
            if (m.phase == Phase.RELEASING || m.failedStep == LabStep.ERASE) {
                return erase(m).map(v -> m.status());
            }
            if (m.phase == Phase.COMMISSIONING) {
                return Future.failedFuture(
                        refused("node " + m.name + " is commissioning; release it when it is ready", true));
            }
            return Future.succeededFuture(m.status()); // nothing deployed: already as released as it gets
        }
    }

    private Future<Void> erase(LabMachine m) {
        synchronized (m) {
            if (m.phase == Phase.READY && m.running == null) {
                return Future.succeededFuture(); // another caller's erase already finished
            }
            return joinOrBegin(
                    m,
                    LabStep.ERASE,
                    Phase.RELEASING,
                    "Disk erasing",
                    config.eraseMs(),
                    "Failed disk erasing",
                    x -> x.set(Phase.READY, "Ready"));
        }
    }

    /**
     * Joins {@code step} when it is running and will end by itself; otherwise begins it (a hung step
     * whose fault was lifted starts over). Called holding the machine's monitor, so that two callers
     * cannot both begin the step; a timer ends it later on an event loop.
     */
    private Future<Void> joinOrBegin(
            LabMachine m,
            LabStep step,
            Phase during,
            String detail,
            long ms,
            String failure,
            Consumer<LabMachine> done) {
        if (m.running == step
                && m.end != null
                && !m.end.future().isComplete()
                && (!m.hung || runner.hangs(m.name, step))) {
            return runner.await(m, step);
        }
        LabRunner.Run run = runner.begin(m, step, during, detail);
        return runner.go(run, ms, done, failure);
    }

    private static HardwareManifest manifest(LabMachine m) {
        synchronized (m) {
            return m.manifest;
        }
    }

    private static DriverException wrongPhase(LabMachine m, String what) {
        return refused("node " + m.name + " is " + m.phase + " (" + m.detail + "); cannot " + what, false);
    }

    static DriverException refused(String message, boolean retriable) {
        return new DriverException(Kind.REFUSED, retriable, "lab: " + message);
    }
}
