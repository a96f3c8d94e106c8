package io.slipway.drivers.maas;

import io.slipway.drivers.maas.api.MaasClient;
import io.slipway.drivers.maas.api.Machine;
import io.slipway.drivers.spi.DriverException;
import io.slipway.drivers.spi.DriverException.Kind;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Set;

/**
 * Waits for a machine to reach a status by polling {@code GET machines/{id}/} on Vert.x timers; no
 * thread sleeps. A failed status ({@code Failed …}, {@code Broken}) ends the wait with {@code
 * REFUSED} carrying MAAS's status message; the deadline ends it with {@code TIMEOUT}. Retriable
 * read errors (MAAS restarting, a lost answer) are tolerated until the deadline.
 */
final class MachineWatcher {
    private final Vertx vertx;
    private final MaasClient client;
    private final long intervalMs;

    MachineWatcher(Vertx vertx, MaasClient client, Duration interval) {
        this.vertx = vertx;
        this.client = client;
        this.intervalMs = Math.max(1, interval.toMillis());
    }

    /** Completes with the machine once its status is one of {@code targets} (case-insensitive). */
    Future<Machine> await(String systemId, Set<String> targets, Duration timeout, String what) {
        Promise<Machine> done = Promise.promise();
        long deadline = System.nanoTime() + timeout.toNanos();
        vertx.setTimer(intervalMs, id -> poll(systemId, targets, deadline, timeout, what, done));
        return done.future();
    }

    private void poll(
            String systemId, Set<String> targets, long deadline, Duration timeout, String what, Promise<Machine> done) {
        client.getObject("machines/" + systemId + "/").map(Machine::from).onComplete(ar -> {
            if (ar.succeeded() && reached(ar.result(), targets)) {
                done.complete(ar.result());
                return;
            }
            if (ar.succeeded() && ar.result().failed()) {
                done.fail(refused(what, ar.result()));
                return;
            }
            if (ar.failed() && !(ar.cause() instanceof DriverException de && de.retriable())) {
                done.fail(ar.cause());
                return;
            }
            String seen = ar.succeeded() ? ar.result().statusName() : ar.cause().getMessage();
            if (System.nanoTime() + intervalMs * 1_000_000L > deadline) {
                done.fail(DriverException.timeout(what + ": machine " + systemId + " did not reach " + targets
                        + " within " + timeout.toMillis() + " ms (last seen: " + seen + ")"));
                return;
            }
            vertx.setTimer(intervalMs, id -> poll(systemId, targets, deadline, timeout, what, done));
        });
    }

    private static boolean reached(Machine m, Set<String> targets) {
        return targets.stream().anyMatch(m::is);
    }

    /** MAAS put the machine in a failed state: not retriable without an operator or a release. */
    static DriverException refused(String what, Machine m) {
        String reason = m.statusMessage() == null || m.statusMessage().isBlank() ? "" : ": " + m.statusMessage();
        return new DriverException(
                Kind.REFUSED, false, what + ": MAAS reports machine " + m.systemId() + " " + m.statusName() + reason);
    }
}
