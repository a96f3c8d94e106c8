package io.slipway.engine.lifecycle;

import static io.slipway.drivers.spi.DriverKind.KUBERNETES;
import static io.slipway.drivers.spi.DriverKind.NETWORK;
import static io.slipway.drivers.spi.DriverKind.NODE;
import static io.slipway.drivers.spi.DriverKind.OOB;
import static io.slipway.engine.lifecycle.LifecycleState.DEPLOYING;
import static io.slipway.engine.lifecycle.LifecycleState.DESTROYING;
import static io.slipway.engine.lifecycle.LifecycleState.INSPECTING;
import static io.slipway.engine.lifecycle.LifecycleState.VERIFYING;

import io.slipway.drivers.spi.DriverKind;
import io.slipway.drivers.spi.PowerState;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A driver action the lifecycle rules can decide on, with everything the engine needs to know about
 * it: which driver kinds it uses (the first runs it; a guard on any of them holds it), the state a
 * node is in while it runs, the state a failure leaves the node in, and the power it leaves the node
 * in, and which time bound applies. Each step is idempotent at the driver, so a step interrupted by a crash is simply decided again.
 * Adding a step is one entry here, one handler in {@code dispatch.StepHandlers} and one rule.
 */
public enum Step {
    /** OOB: reach the BMC with the node's credentials (ValidateOobServices). */
    VALIDATE_OOB(VERIFYING, null, Bound.SHORT, OOB),
    /** Node driver: find or enrol the machine in the bootstrapper (IdentifyNode). */
    IDENTIFY(VERIFYING, null, Bound.SHORT, NODE),
    /** Network driver: switch ports to provisioning (ConfigurePortProvisioning). */
    PORT_PROVISIONING(INSPECTING, null, Bound.SHORT, NETWORK),
    /** OOB: next boot from the network (ConfigNodePxe / SetNodeBoot). */
    SET_PXE(INSPECTING, null, Bound.SHORT, OOB),
    /** OOB: power-cycle into PXE (PowerCycleNode). */
    POWER_CYCLE(INSPECTING, PowerState.ON, Bound.SHORT, OOB),
    /** Node driver: commission and collect the hardware manifest (ConfigureHardware, InterrogateNode). */
    COMMISSION(INSPECTING, null, Bound.LONG, NODE),
    /** Node driver: ApplyNodeNetworking. */
    APPLY_NETWORKING(null, null, Bound.SHORT, NODE),
    /** Node driver: ApplyNodeStorage. */
    APPLY_STORAGE(null, null, Bound.SHORT, NODE),
    /** Node driver: ApplyNodePlatform. */
    APPLY_PLATFORM(null, null, Bound.SHORT, NODE),
    /** Node driver: write the OS (DeployNode). */
    DEPLOY(DEPLOYING, null, Bound.LONG, NODE),
    /** Network driver: switch ports to production (ConfigurePortProduction). */
    PORT_PRODUCTION(DEPLOYING, null, Bound.SHORT, NETWORK),
    /** Node driver: release and erase (DestroyNode). */
    DESTROY(DESTROYING, null, Bound.LONG, NODE),
    /** OOB: power on a node that should be running (drift correction, PowerOnNode). */
    POWER_ON(null, PowerState.ON, Bound.SHORT, OOB),
    /** OOB: power off (PowerOffNode). */
    POWER_OFF(null, PowerState.OFF, Bound.SHORT, OOB),
    /**
     * OOB + node driver: make sure the node runs the bootstrapper's agent: nothing when it is already
     * running, else next boot PXE and a power cycle (drivers that need the engine's boots only).
     */
    BOOT_AGENT(null, PowerState.ON, Bound.SHORT, OOB, NODE),
    /** OOB: boot the installed disk (boot device disk, power cycle) after the agent wrote the OS. */
    BOOT_DISK(null, PowerState.ON, Bound.SHORT, OOB),
    /** Node driver: wait for the installed OS's first boot to report in. */
    AWAIT_BOOTED(null, null, Bound.LONG, NODE),
    /** Kubernetes driver: make the Node object's labels match the design (RelabelNode). */
    RELABEL(null, null, Bound.SHORT, KUBERNETES);

    /** Which of the two configured time bounds applies to a step. */
    public enum Bound {
        /** A BMC or switch call, or a quick bootstrapper call (the short bound, 2 minutes by default). */
        SHORT,
        /** Bootstrapper work on the machine: commissioning, writing or erasing disks (the long bound). */
        LONG
    }

    private final LifecycleState phase;
    private final PowerState powerAfter;
    private final Bound bound;
    private final List<DriverKind> kinds;

    Step(LifecycleState phase, PowerState powerAfter, Bound bound, DriverKind driver, DriverKind... also) {
        this.phase = phase;
        this.powerAfter = powerAfter;
        this.bound = bound;
        EnumSet<DriverKind> k = EnumSet.of(driver, also);
        k.remove(driver);
        this.kinds = java.util.stream.Stream.concat(java.util.stream.Stream.of(driver), k.stream())
                .toList();
    }

    /** The transitional state a node is in while this step runs (null: the state does not change). */
    public LifecycleState phase() {
        return phase;
    }

    /** The state a failure of this step leaves a node in that was in {@code state} (its phase's failed state). */
    public LifecycleState failedState(LifecycleState state) {
        return phase == null ? state : phase.failedState().orElse(state);
    }

    /** The power a success leaves the node in; empty when the step does not change it. */
    public Optional<PowerState> powerAfter() {
        return Optional.ofNullable(powerAfter);
    }

    /** Which time bound applies to the step. */
    public Bound bound() {
        return bound;
    }

    /** The driver kind that runs the step. */
    public DriverKind driver() {
        return kinds.get(0);
    }

    /** Every driver kind the step uses, the running one first: a guard on any of them holds the step. */
    public List<DriverKind> kinds() {
        return kinds;
    }

    /** Whether the step uses a driver of {@code kind} (for rules: {@code step.uses(kind)}). */
    public boolean uses(DriverKind kind) {
        return kinds.contains(kind);
    }

    /** The wire and storage label ({@code validate_oob}). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The step with {@code label}; empty for a label no step has (written by another version). */
    public static Optional<Step> fromLabel(String label) {
        for (Step s : values()) {
            if (s.label().equals(label)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** The labels of {@code steps}, in step order. */
    public static List<String> labels(Collection<Step> steps) {
        return steps.isEmpty()
                ? List.of()
                : EnumSet.copyOf(steps).stream().map(Step::label).toList();
    }

    /** The steps named by {@code labels}; labels no step has are skipped (the step is simply done again). */
    public static Set<Step> fromLabels(Collection<String> labels) {
        EnumSet<Step> out = EnumSet.noneOf(Step.class);
        labels.forEach(l -> fromLabel(l).ifPresent(out::add));
        return out;
    }
}
