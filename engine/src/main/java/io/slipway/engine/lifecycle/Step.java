package io.slipway.engine.lifecycle;

/**
 * A driver action the lifecycle rules can decide on. Each step is idempotent at the driver, so a
 * step interrupted by a crash is simply decided again.
 */
public enum Step {
    /** OOB: reach the BMC with the node's credentials (ValidateOobServices). */
    VALIDATE_OOB("oob", LifecycleState.VERIFYING),
    /** Node driver: find or enrol the machine in the bootstrapper (IdentifyNode). */
    IDENTIFY("node", LifecycleState.VERIFYING),
    /** Network driver: switch ports to provisioning (ConfigurePortProvisioning). */
    PORT_PROVISIONING("network", LifecycleState.INSPECTING),
    /** OOB: next boot from the network (ConfigNodePxe / SetNodeBoot). */
    SET_PXE("oob", LifecycleState.INSPECTING),
    /** OOB: power-cycle into PXE (PowerCycleNode). */
    POWER_CYCLE("oob", LifecycleState.INSPECTING),
    /** Node driver: commission and collect the hardware manifest (ConfigureHardware, InterrogateNode). */
    COMMISSION("node", LifecycleState.INSPECTING),
    /** Node driver: ApplyNodeNetworking. */
    APPLY_NETWORKING("node", null),
    /** Node driver: ApplyNodeStorage. */
    APPLY_STORAGE("node", null),
    /** Node driver: ApplyNodePlatform. */
    APPLY_PLATFORM("node", null),
    /** Node driver: write the OS (DeployNode). */
    DEPLOY("node", LifecycleState.DEPLOYING),
    /** Network driver: switch ports to production (ConfigurePortProduction). */
    PORT_PRODUCTION("network", LifecycleState.DEPLOYING),
    /** Node driver: release and erase (DestroyNode). */
    DESTROY("node", LifecycleState.DESTROYING),
    /** OOB: power on a node that should be running (drift correction, PowerOnNode). */
    POWER_ON("oob", null),
    /** OOB: power off (PowerOffNode). */
    POWER_OFF("oob", null),
    /**
     * OOB + node driver: make sure the node runs the bootstrapper's agent: nothing when it is already
     * running, else next boot PXE and a power cycle (drivers that need the engine's boots only).
     */
    BOOT_AGENT("oob", null),
    /** OOB: boot the installed disk (boot device disk, power cycle) after the agent wrote the OS. */
    BOOT_DISK("oob", null),
    /** Node driver: wait for the installed OS's first boot to report in. */
    AWAIT_BOOTED("node", null),
    /** Kubernetes driver: make the Node object's labels match the design (RelabelNode). */
    RELABEL("kubernetes", null);

    private final String driver;
    private final LifecycleState phase;

    Step(String driver, LifecycleState phase) {
        this.driver = driver;
        this.phase = phase;
    }

    /** The transitional state a node is in while this step runs (null: the state does not change). */
    public LifecycleState phase() {
        return phase;
    }

    /** Which driver kind runs the step: {@code oob}, {@code node}, {@code network} or {@code kubernetes}. */
    public String driver() {
        return driver;
    }

    public String label() {
        return name().toLowerCase();
    }
}
