package io.slipway.drivers.ipmi.client;

import io.slipway.drivers.spi.DriverException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;

/**
 * One request on the wire: the datagram, its timer and what remains of its attempts. Every
 * (re)transmission sends the same bytes; each expiry doubles the wait up to {@code cap}. Confined
 * to the client's context thread.
 */
final class Exchange {
    private final Transport transport;
    private final BmcKey bmc;
    private final String key;
    private final Buffer packet;
    private final String what;
    private final long cap;
    private final boolean adaptive;
    private final Promise<Object> promise = Promise.promise();
    private final long firstSent = System.nanoTime();
    private long wait;
    private int left;
    private long timerId = -1;

    Exchange(
            Transport transport,
            BmcKey bmc,
            String key,
            Buffer packet,
            String what,
            long wait,
            long cap,
            int left,
            boolean adaptive) {
        this.transport = transport;
        this.bmc = bmc;
        this.key = key;
        this.packet = packet;
        this.what = what;
        this.wait = wait;
        this.cap = cap;
        this.left = left;
        this.adaptive = adaptive;
    }

    Future<Object> start() {
        send();
        return promise.future();
    }

    private void send() {
        transport.await(key, this);
        timerId = transport.vertx().setTimer(wait, id -> expired());
        transport.transmit(bmc, packet).onFailure(err -> {
            transport.abandon(key, this);
            fail(DriverException.unreachable("cannot send to BMC " + bmc.endpoint() + ": " + err.getMessage(), err));
        });
    }

    private void expired() {
        if (promise.future().isComplete()) {
            return;
        }
        if (adaptive) {
            transport.expired(bmc, wait);
        }
        if (left > 0) {
            left--;
            wait = Math.min(wait * 2, cap);
            send();
        } else {
            transport.abandon(key, this);
            promise.tryFail(DriverException.timeout("no answer from BMC " + bmc.endpoint() + " to " + what));
        }
    }

    void answered(Object answer) {
        transport.vertx().cancelTimer(timerId);
        if (adaptive) {
            transport.answeredAfter(bmc, (System.nanoTime() - firstSent) / 1_000_000L);
        }
        promise.tryComplete(answer);
    }

    void fail(Throwable err) {
        transport.vertx().cancelTimer(timerId);
        promise.tryFail(err);
    }
}
