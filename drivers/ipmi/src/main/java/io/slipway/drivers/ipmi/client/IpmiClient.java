package io.slipway.drivers.ipmi.client;

import io.slipway.drivers.ipmi.rmcp.CipherSuite;
import io.slipway.drivers.spi.DriverException;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A non-blocking IPMI 2.0 / RMCP+ client on one Vert.x UDP socket.
 *
 * <p>Sessions are opened on first use per BMC and user, reused by later requests, and closed after
 * {@link IpmiClientOptions#sessionIdleMs()} without use. Every request is retransmitted on a timer
 * with back-off until answered or until its attempts run out ({@code TIMEOUT}); no thread ever
 * waits. At most an adaptive window of operations runs at once per client ({@link Pacer}).
 *
 * <p>Thread safety: methods may be called from any thread; all work runs on the context the client
 * was created on, and returned futures complete there.
 */
public final class IpmiClient {

    private final Vertx vertx;
    private final Context context;
    private final IpmiClientOptions options;
    private final Transport transport;
    private final SessionOpener opener;
    private final Pacer pacer;
    private final Map<BmcKey, BmcConnection> connections = new HashMap<>();

    private IpmiClient(Vertx vertx, IpmiClientOptions options) {
        this.vertx = vertx;
        this.context = vertx.getOrCreateContext();
        this.options = options;
        this.pacer = new Pacer(options);
        this.transport = new Transport(vertx, context, options, pacer);
        Map<String, CipherSuite> learned = new HashMap<>();
        this.opener = new SessionOpener(transport, options, learned);
    }

    /** Creates a client; the socket binds lazily on the first request. Does no I/O. */
    public static IpmiClient create(Vertx vertx, IpmiClientOptions options) {
        return new IpmiClient(vertx, options);
    }

    public IpmiClientOptions options() {
        return options;
    }

    /**
     * Sends one command to a BMC, opening or reusing a session, and completes with the BMC's answer
     * whatever its completion code. Fails only with a {@code DriverException}: TIMEOUT when
     * unanswered, AUTH/UNSUPPORTED/FAILED when session setup is refused, UNREACHABLE when the address
     * cannot be used.
     */
    public Future<IpmiResponse> execute(BmcKey bmc, IpmiRequest request) {
        return onContext(() -> resolve(bmc)
                .compose(key -> transport.start().compose(v -> connection(key).execute(request))));
    }

    /** Closes every open session (best effort, without waiting for answers) and the socket. */
    public Future<Void> close() {
        return onContext(() -> {
            new ArrayList<>(connections.values()).forEach(BmcConnection::close);
            connections.clear();
            return transport.close();
        });
    }

    /** The current in-flight window; for benchmarks and metrics. */
    public Future<Integer> window() {
        return onContext(() -> Future.succeededFuture(pacer.window()));
    }

    /** The number of BMCs with an open or opening session; for tests and metrics. */
    public Future<Integer> openConnections() {
        return onContext(() -> Future.succeededFuture(connections.size()));
    }

    private BmcConnection connection(BmcKey key) {
        return connections.computeIfAbsent(
                key, k -> new BmcConnection(vertx, k, transport, opener, options, pacer, () -> connections.remove(k)));
    }

    /** Literal addresses are normalised in place; names are resolved on a worker thread. */
    private Future<BmcKey> resolve(BmcKey bmc) {
        if (Addresses.isLiteral(bmc.host())) {
            return Future.succeededFuture(
                    new BmcKey(Addresses.canonical(bmc.host()), bmc.port(), bmc.credentials(), bmc.cipherSuite()));
        }
        return vertx.executeBlocking(() -> InetAddress.getByName(bmc.host()).getHostAddress(), false)
                .map(ip -> new BmcKey(ip, bmc.port(), bmc.credentials(), bmc.cipherSuite()))
                .recover(err -> Future.failedFuture(DriverException.unreachable(
                        "cannot resolve BMC address " + bmc.host() + ": " + err.getMessage(), err)));
    }

    private <T> Future<T> onContext(Supplier<Future<T>> work) {
        if (Vertx.currentContext() == context) {
            return work.get();
        }
        Promise<T> promise = Promise.promise();
        context.runOnContext(v -> work.get().onComplete(promise));
        return promise.future();
    }
}
