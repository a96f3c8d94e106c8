package io.slipway.drivers.spi;

import io.vertx.core.Future;

/**
 * Out-of-band control of a node's power and boot device through its management controller.
 *
 * <p>One driver instance serves every node of its type; the node is named per call by an {@link
 * OobTarget}. Implementations may keep per-controller state (sessions, tokens) between calls.
 *
 * <p><b>Threads.</b> Methods may be called from any thread and never block the caller. A returned
 * future that waits for I/O or a person completes on a Vert.x context thread, so callbacks may use
 * Vert.x APIs but must not block; an answer known without waiting may come back as an already
 * completed future.
 *
 * <p><b>Failures.</b> Every failure is a {@link DriverException} with a {@link
 * DriverException.Kind}; no method fails with anything else and none waits unboundedly: each has a
 * configured time bound after which it fails with {@code TIMEOUT}.
 *
 * <p>Seed actions map onto methods as: PowerOnNode/PowerOffNode/PowerCycleNode → {@link #setPower};
 * SetNodeBoot and ConfigNodePxe → {@link #setBootDevice}; InterrogateOob → {@link #interrogate};
 * ValidateOobServices → {@link #validate}.
 */
public interface OobDriver {

    /** The {@code oob.type} this driver serves, e.g. {@code ipmi}. */
    String type();

    /** Reads the current power state. Read-only; safe to repeat. */
    Future<PowerState> powerState(OobTarget target);

    /**
     * Changes power and succeeds only once the change is observed: the driver polls the power state
     * (on timers, never sleeping a thread) until it equals {@link PowerAction#expected()} or the
     * configured bound expires ({@code TIMEOUT}). Idempotent for {@code ON} and {@code OFF}: a node
     * already in the expected state is left alone. Completes with the observed state.
     */
    Future<PowerState> setPower(OobTarget target, PowerAction action);

    /** Sets the boot device override. Idempotent. Some controllers do not keep persistence. */
    Future<Void> setBootDevice(OobTarget target, BootOptions options);

    /** Reads the boot device override as the controller reports it. Read-only. */
    Future<BootOptions> bootDevice(OobTarget target);

    /** Reads power, controller identity, inventory (FRU) and sensors. Read-only. */
    Future<OobInventory> interrogate(OobTarget target);

    /** Checks that the controller is reachable and accepts the credentials. Read-only. */
    Future<Void> validate(OobTarget target);

    /** Releases sessions and sockets. The driver is unusable afterwards. */
    Future<Void> close();
}
