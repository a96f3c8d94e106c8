package io.slipway.drivers.ipmi.client;

import io.slipway.drivers.spi.DriverException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Everything the client keeps for one BMC: the reusable session, the concurrency limit and the idle
 * timer. Confined to the client's context thread.
 *
 * <p>Requests beyond {@code maxInFlightPerBmc} wait in a FIFO queue, so a burst for one node does
 * not flood its BMC (many BMCs handle one request at a time). Requests that arrive while the
 * session is being set up share that one setup. A request that times out inside a session drops the
 * session, since the BMC may have expired it; the next request sets up a new one. When a setup
 * fails, requests that were queued behind it fail at once with the same error instead of each
 * waiting out the full bound again.
 */
final class BmcConnection {

    private final Vertx vertx;
    private final BmcKey bmc;
    private final Transport transport;
    private final SessionOpener opener;
    private final IpmiClientOptions options;
    private final Runnable onIdle;
    private final Pacer pacer;
    private final Deque<Promise<Void>> waiting = new ArrayDeque<>();
    private Future<Session> session;
    private Throwable setupFailure;
    private int queuedBehindFailure;
    private int inFlight;
    private long idleTimer = -1;

    BmcConnection(
            Vertx vertx,
            BmcKey bmc,
            Transport transport,
            SessionOpener opener,
            IpmiClientOptions options,
            Pacer pacer,
            Runnable onIdle) {
        this.pacer = pacer;
        this.vertx = vertx;
        this.bmc = bmc;
        this.transport = transport;
        this.opener = opener;
        this.options = options;
        this.onIdle = onIdle;
    }

    Future<IpmiResponse> execute(IpmiRequest request) {
        return acquire()
                .compose(v -> session())
                .compose(s -> pacer.acquire()
                        .compose(w -> s.call(transport, request, options.retries())
                                .onFailure(err -> dropIfExpired(s, err))
                                .andThen(ar -> pacer.release())))
                .andThen(ar -> release());
    }

    /** Closes the session if there is one; used at idle expiry and client close. */
    void close() {
        if (idleTimer >= 0) {
            vertx.cancelTimer(idleTimer);
        }
        if (session != null && session.succeeded()) {
            session.result().close(transport);
        }
        session = null;
    }

    private Future<Session> session() {
        if (session == null && setupFailure != null && queuedBehindFailure > 0) {
            queuedBehindFailure--;
            return Future.failedFuture(setupFailure);
        }
        if (session == null) {
            Future<Session> opening = pacer.opening(() -> opener.open(bmc));
            session = opening;
            opening.onComplete(ar -> {
                setupFailure = ar.failed() ? ar.cause() : null;
                // the requests waiting now queued behind this setup and share its outcome
                queuedBehindFailure = ar.failed() ? waiting.size() : 0;
                if (ar.failed() && session == opening) {
                    session = null;
                }
            });
        }
        return session;
    }

    private void dropIfExpired(Session s, Throwable err) {
        if (err instanceof DriverException de
                && de.kind() == DriverException.Kind.TIMEOUT
                && session != null
                && session.succeeded()
                && session.result() == s) {
            transport.unregister(s);
            s.close(transport); // the BMC may still hold it: do not leave it open until it expires
            session = null;
        }
    }

    private Future<Void> acquire() {
        if (idleTimer >= 0) {
            vertx.cancelTimer(idleTimer);
            idleTimer = -1;
        }
        if (inFlight < options.maxInFlightPerBmc()) {
            inFlight++;
            return Future.succeededFuture();
        }
        Promise<Void> turn = Promise.promise();
        waiting.add(turn);
        return turn.future();
    }

    private void release() {
        Promise<Void> next = waiting.poll();
        if (next != null) {
            next.complete(); // the slot passes straight to the next waiter
            return;
        }
        inFlight--;
        if (inFlight == 0) {
            idleTimer = vertx.setTimer(options.sessionIdleMs(), id -> {
                idleTimer = -1;
                if (inFlight == 0 && waiting.isEmpty()) {
                    close();
                    onIdle.run();
                }
            });
        }
    }
}
