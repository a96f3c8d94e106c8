package io.slipway.drivers.lab.bmc;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.datagram.DatagramPacket;
import io.vertx.core.datagram.DatagramSocket;
import io.vertx.core.datagram.DatagramSocketOptions;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.net.SocketAddress;

/**
 * A simulated BMC in the JVM that speaks real IPMI 2.0 / RMCP+ on a UDP port, so clients run the
 * same code against it as against hardware. Thousands fit in one JVM: each is one socket and a few
 * hundred bytes of state, and all of them share Vert.x's event loops.
 *
 * <p>Faults ({@link #faults()}) drop datagrams, delay answers, kill the BMC or delay power changes,
 * and can be changed while it runs.
 */
public final class LabBmc {

    private final Vertx vertx;
    private final LabBmcConfig config;
    private final LabFaults faults = new LabFaults();
    private final LabChassis chassis;
    private final LabRmcpServer server;
    private DatagramSocket socket;
    private int port;

    private LabBmc(Vertx vertx, LabBmcConfig config) {
        this.vertx = vertx;
        this.config = config;
        this.chassis = new LabChassis(vertx, faults);
        this.server = new LabRmcpServer(config, new LabCommands(config, chassis));
    }

    /** Binds a new BMC on its own event-loop context; completes once it is listening. */
    public static Future<LabBmc> start(Vertx vertx, LabBmcConfig config) {
        LabBmc bmc = new LabBmc(vertx, config);
        // A context of its own per BMC spreads a large fleet over all event loops; the public
        // getOrCreateContext() would pin every BMC started from one thread to one loop.
        Context context = ((VertxInternal) vertx).createEventLoopContext();
        Promise<LabBmc> started = Promise.promise();
        context.runOnContext(v -> bmc.listen().map(bmc).onComplete(started));
        return started.future();
    }

    private Future<Void> listen() {
        socket = vertx.createDatagramSocket(new DatagramSocketOptions());
        socket.handler(this::onDatagram);
        return socket.listen(config.port(), config.host()).map(s -> {
            port = s.localAddress().port();
            return null;
        });
    }

    private void onDatagram(DatagramPacket packet) {
        if (faults.drop()) {
            return;
        }
        server.handle(packet.data()).ifPresent(answer -> reply(answer, packet.sender()));
    }

    private void reply(Buffer answer, SocketAddress to) {
        if (faults.drop()) {
            return;
        }
        long latency = faults.latencyMs();
        if (latency == 0) {
            socket.send(answer, to.port(), to.host());
        } else {
            vertx.setTimer(latency, id -> socket.send(answer, to.port(), to.host()));
        }
    }

    public String host() {
        return config.host();
    }

    public int port() {
        return port;
    }

    public LabBmcConfig config() {
        return config;
    }

    public LabFaults faults() {
        return faults;
    }

    public LabChassis chassis() {
        return chassis;
    }

    /** How many sessions clients have established so far (shows session reuse). */
    public int sessionsOpened() {
        return server.sessionsOpened();
    }

    public Future<Void> stop() {
        return socket == null ? Future.succeededFuture() : socket.close();
    }
}
