package io.slipway.drivers.lab.node;

import io.slipway.drivers.spi.DriverException.Kind;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.EnumMap;
import java.util.Map;

/**
 * Fault knobs of one simulated node, changeable at run time from any thread. A node can be given
 * faults before the bootstrapper knows it.
 *
 * <ul>
 *   <li>{@code fail(step, n)}: the next {@code n} runs of {@code step} fail. Commissioning,
 *       deployment and release leave the machine {@code FAILED} (as a bootstrapper reports "Failed
 *       deployment"); the caller gets {@code REFUSED} naming the failure, retriable.
 *   <li>{@code hang(step, true)}: {@code step} starts and never ends; the caller gets {@code
 *       TIMEOUT} after the driver's {@code stepTimeoutMs}. A later call after {@code hang(step,
 *       false)} resumes the step.
 *   <li>{@code delayMs(ms)}: added to every timed step of this node (a slow machine).
 * </ul>
 */
public final class LabNodeFaults {

    /** What the next run of a step does. */
    enum Outcome {
        OK,
        FAIL,
        HANG
    }

    /**
     * The outcome of one run; a failure carries its kind and the bootstrapper's message (or null).
     */
    record Decision(Outcome outcome, Kind kind, String message) {
        static final Decision OK = new Decision(Outcome.OK, null, null);
        static final Decision HANG = new Decision(Outcome.HANG, null, null);
    }

    private record Failure(int remaining, Kind kind, String message) {}

    private final Map<LabStep, Failure> failures = new EnumMap<>(LabStep.class);
    private final Map<LabStep, Boolean> hangs = new EnumMap<>(LabStep.class);
    private volatile long delayMs;

    /** The next {@code times} runs of {@code step} fail with {@code REFUSED}. */
    public LabNodeFaults fail(LabStep step, int times) {
        return fail(step, times, Kind.REFUSED);
    }

    /** The next {@code times} runs of {@code step} fail with {@code kind}. */
    public LabNodeFaults fail(LabStep step, int times, Kind kind) {
        return fail(step, times, kind, null);
    }

    /**
     * The next {@code times} runs of {@code step} fail with {@code kind}; the machine's status detail
     * and the error carry {@code message} (e.g. an installer's last words) instead of the status
     * name.
     */
    public synchronized LabNodeFaults fail(LabStep step, int times, Kind kind, String message) {
        failures.put(step, new Failure(Math.max(0, times), kind, message));
        return this;
    }

    public synchronized LabNodeFaults hang(LabStep step, boolean hang) {
        hangs.put(step, hang);
        return this;
    }

    public LabNodeFaults delayMs(long ms) {
        this.delayMs = Math.max(0, ms);
        return this;
    }

    public long delayMs() {
        return delayMs;
    }

    /** Removes every fault. */
    public synchronized LabNodeFaults clear() {
        failures.clear();
        hangs.clear();
        delayMs = 0;
        return this;
    }

    /**
     * Applies a fault configuration: {@code {"fail": {"deploy": 2}, "hang": ["commission"],
     * "delayMs": 100}}.
     */
    public LabNodeFaults apply(JsonObject json) {
        JsonObject fail = json.getJsonObject("fail", new JsonObject());
        fail.fieldNames().forEach(step -> fail(LabStep.named(step), fail.getInteger(step)));
        json.getJsonArray("hang", new JsonArray()).forEach(s -> hang(LabStep.named((String) s), true));
        return delayMs(json.getLong("delayMs", 0L));
    }

    synchronized boolean hangs(LabStep step) {
        return hangs.getOrDefault(step, false);
    }

    /** Decides the outcome of one run of {@code step}, using up one injected failure. */
    synchronized Decision take(LabStep step) {
        if (hangs(step)) {
            return Decision.HANG;
        }
        Failure f = failures.get(step);
        if (f == null || f.remaining() == 0) {
            return Decision.OK;
        }
        failures.put(step, new Failure(f.remaining() - 1, f.kind(), f.message()));
        return new Decision(Outcome.FAIL, f.kind(), f.message());
    }
}
