package io.slipway.drivers.manual;

import io.slipway.drivers.spi.BootDevice;
import io.slipway.drivers.spi.BootOptions;
import io.slipway.drivers.spi.DriverException;
import io.slipway.drivers.spi.ManualConfirmation;
import io.slipway.drivers.spi.OobDriver;
import io.slipway.drivers.spi.OobInventory;
import io.slipway.drivers.spi.OobTarget;
import io.slipway.drivers.spi.PowerAction;
import io.slipway.drivers.spi.PowerState;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The {@code manual} OOB driver: a person does the work. Each power or boot change becomes a {@link
 * ManualRequest}; its future completes when someone calls {@link #confirm} (through the API), fails
 * {@code REFUSED} on {@link #reject}, and fails {@code TIMEOUT} when nobody answers within {@code
 * confirmTimeoutMs}. Nothing sleeps while waiting.
 *
 * <p>Power and boot state are what operators last confirmed; before any confirmation power is
 * {@link PowerState#UNKNOWN}. There is nothing to reach, so {@link #validate} always succeeds.
 */
public final class ManualOobDriver implements OobDriver, ManualConfirmation {

    public static final String TYPE = "manual";

    private record Waiting(ManualRequest request, Promise<Void> promise, Context context, long timer) {}

    private final Vertx vertx;
    private final long confirmTimeoutMs;
    private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();
    private final Map<String, PowerState> power = new ConcurrentHashMap<>();
    private final Map<String, BootOptions> boot = new ConcurrentHashMap<>();
    private final List<Handler<ManualRequest>> listeners = new CopyOnWriteArrayList<>();

    public ManualOobDriver(Vertx vertx, long confirmTimeoutMs) {
        this.vertx = vertx;
        this.confirmTimeoutMs = confirmTimeoutMs;
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** Requests waiting for an operator, oldest first. */
    public List<ManualRequest> pending() {
        return waiting.values().stream()
                .map(Waiting::request)
                .sorted(Comparator.comparing(ManualRequest::requestedAt))
                .toList();
    }

    /** Marks a request done; false if no such request is waiting. Callable from any thread. */
    public boolean confirm(String requestId) {
        return finish(requestId, null);
    }

    /** Marks a request as not done; its caller fails with {@code REFUSED}. */
    public boolean reject(String requestId, String reason) {
        return finish(
                requestId,
                new DriverException(
                        DriverException.Kind.REFUSED, false, "operator rejected request " + requestId + ": " + reason));
    }

    @Override
    public List<String> waiting(OobTarget target) {
        return at(target).stream().map(ManualRequest::describe).toList();
    }

    @Override
    public Optional<String> confirm(OobTarget target) {
        return at(target).stream().filter(r -> confirm(r.id())).findFirst().map(ManualRequest::describe);
    }

    @Override
    public Optional<String> reject(OobTarget target, String reason) {
        return at(target).stream()
                .filter(r -> reject(r.id(), reason))
                .findFirst()
                .map(ManualRequest::describe);
    }

    private List<ManualRequest> at(OobTarget target) {
        String k = key(target);
        return pending().stream().filter(r -> key(r.target()).equals(k)).toList();
    }

    /** Hears every new request (e.g. to notify operators). */
    public void onRequest(Handler<ManualRequest> listener) {
        listeners.add(listener);
    }

    @Override
    public Future<PowerState> powerState(OobTarget target) {
        return Future.succeededFuture(power.getOrDefault(key(target), PowerState.UNKNOWN));
    }

    @Override
    public Future<PowerState> setPower(OobTarget target, PowerAction action) {
        PowerState now = power.getOrDefault(key(target), PowerState.UNKNOWN);
        if (now == action.expected() && (action == PowerAction.ON || action.expected() == PowerState.OFF)) {
            return Future.succeededFuture(now);
        }
        return ask(new ManualRequest(UUID.randomUUID().toString(), target, action, null, Instant.now()))
                .map(v -> {
                    power.put(key(target), action.expected());
                    return action.expected();
                });
    }

    @Override
    public Future<Void> setBootDevice(OobTarget target, BootOptions options) {
        return ask(new ManualRequest(UUID.randomUUID().toString(), target, null, options, Instant.now()))
                .onSuccess(v -> boot.put(key(target), options));
    }

    @Override
    public Future<BootOptions> bootDevice(OobTarget target) {
        return Future.succeededFuture(boot.getOrDefault(key(target), BootOptions.once(BootDevice.NONE)));
    }

    @Override
    public Future<OobInventory> interrogate(OobTarget target) {
        return powerState(target).map(p -> new OobInventory(p, Map.of("control", "manual"), Map.of(), List.of()));
    }

    @Override
    public Future<Void> validate(OobTarget target) {
        return Future.succeededFuture();
    }

    @Override
    public Future<Void> close() {
        List.copyOf(waiting.keySet()).forEach(id -> finish(id, DriverException.failed("manual driver closed")));
        return Future.succeededFuture();
    }

    private Future<Void> ask(ManualRequest request) {
        Context context = Vertx.currentContext() != null ? Vertx.currentContext() : vertx.getOrCreateContext();
        Promise<Void> promise = Promise.promise();
        long timer = vertx.setTimer(
                confirmTimeoutMs,
                id -> finish(
                        request.id(),
                        DriverException.timeout(
                                "nobody confirmed \"" + request.describe() + "\" within " + confirmTimeoutMs + " ms")));
        waiting.put(request.id(), new Waiting(request, promise, context, timer));
        listeners.forEach(l -> l.handle(request));
        return promise.future();
    }

    /** Completes a waiting request on the context of whoever asked, so callbacks stay on Vert.x. */
    private boolean finish(String id, DriverException failure) {
        Waiting w = waiting.remove(id);
        if (w == null) {
            return false;
        }
        vertx.cancelTimer(w.timer);
        w.context.runOnContext(v -> {
            if (failure == null) {
                w.promise.tryComplete();
            } else {
                w.promise.tryFail(failure);
            }
        });
        return true;
    }

    private static String key(OobTarget target) {
        return target.address() + ":" + target.port();
    }
}
