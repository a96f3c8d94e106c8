package io.slipway.drivers.lab.bmc;

import io.slipway.drivers.spi.BootDevice;
import io.slipway.drivers.spi.BootOptions;
import io.slipway.drivers.spi.PowerState;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The simulated machine behind a lab BMC: power, boot override, and a log of what was asked.
 * Listeners hear every power change, which lets a simulated node "boot" when powered on.
 */
public final class LabChassis {

    /** One change request as the BMC received it, for tests and the demo's audit view. */
    public record Action(Instant at, String what) {}

    /** A power transition and the boot override in force when it happened. */
    public record PowerEvent(PowerState state, BootOptions boot) {}

    private final Vertx vertx;
    private final LabFaults faults;
    private final List<Action> actions = new CopyOnWriteArrayList<>();
    private final List<Handler<PowerEvent>> listeners = new CopyOnWriteArrayList<>();
    private volatile PowerState power = PowerState.OFF;
    private volatile BootOptions boot = BootOptions.once(BootDevice.NONE);

    LabChassis(Vertx vertx, LabFaults faults) {
        this.vertx = vertx;
        this.faults = faults;
    }

    public PowerState power() {
        return power;
    }

    public BootOptions boot() {
        return boot;
    }

    public List<Action> actions() {
        return List.copyOf(actions);
    }

    public void onPowerChange(Handler<PowerEvent> listener) {
        listeners.add(listener);
    }

    /** Sets power directly (test setup), without logging an action. */
    public void forcePower(PowerState state) {
        power = state;
    }

    void powerOn() {
        log("power on");
        later(() -> setPower(PowerState.ON));
    }

    void powerOff(String why) {
        log(why);
        later(() -> setPower(PowerState.OFF));
    }

    /** Off now, on again shortly after, as a real chassis does with a cycle. */
    void cycle() {
        log("power cycle");
        later(() -> {
            setPower(PowerState.OFF);
            vertx.setTimer(20, id -> setPower(PowerState.ON));
        });
    }

    void reset() {
        log("hard reset");
        if (power == PowerState.ON) {
            later(() -> notifyListeners(PowerState.ON));
        }
    }

    void boot(BootOptions options) {
        log("boot " + options.device() + (options.persistent() ? " persistent" : " once") + " " + options.mode());
        boot = options;
    }

    private void setPower(PowerState state) {
        if (power != state) {
            power = state;
            notifyListeners(state);
        }
    }

    private void notifyListeners(PowerState state) {
        PowerEvent event = new PowerEvent(state, boot);
        listeners.forEach(l -> l.handle(event));
        if (state == PowerState.ON && !boot.persistent()) {
            // a one-time override is consumed by the boot it applied to
            boot = BootOptions.once(BootDevice.NONE).withMode(boot.mode());
        }
    }

    private void later(Runnable change) {
        long delay = faults.powerDelayMs();
        if (delay == 0) {
            change.run();
        } else {
            vertx.setTimer(delay, id -> change.run());
        }
    }

    private void log(String what) {
        actions.add(new Action(Instant.now(), what));
    }
}
