package io.slipway.drivers.lab.node;

import io.slipway.drivers.spi.node.ApplyStep;
import io.slipway.drivers.spi.node.HardwareManifest;
import io.slipway.drivers.spi.node.NodeStatus;
import io.slipway.drivers.spi.node.NodeStatus.Phase;
import io.vertx.core.Promise;
import java.util.EnumMap;
import java.util.Map;

/**
 * One machine as the lab bootstrapper knows it. Fields are read and written only while holding the
 * machine's monitor; timers and callers on different threads meet here.
 */
final class LabMachine {

    final String name;
    final String driverId;
    Phase phase = Phase.NEW;
    String detail = "enrolled";

    /** The step that left the machine {@code FAILED}, which decides what may follow. */
    LabStep failedStep;

    HardwareManifest manifest;
    final Map<ApplyStep, Integer> applied = new EnumMap<>(ApplyStep.class);

    /** The timed step in progress (commission, deploy, release) and its end. */
    LabStep running;

    Promise<Void> end;

    /** True when the running step was told to hang: it ends only if it is started again. */
    boolean hung;

    /** Bumped by every started timed step, so a superseded step's timer changes nothing. */
    long generation;

    LabMachine(String name, String driverId) {
        this.name = name;
        this.driverId = driverId;
    }

    synchronized NodeStatus status() {
        return NodeStatus.of(driverId, phase, detail);
    }

    synchronized void set(Phase phase, String detail) {
        this.phase = phase;
        this.detail = detail;
        this.failedStep = null;
    }

    synchronized void failed(LabStep step, String detail) {
        this.phase = Phase.FAILED;
        this.detail = detail;
        this.failedStep = step;
    }
}
