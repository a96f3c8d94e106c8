package io.slipway.drivers.ipmi.client;

import io.slipway.drivers.ipmi.rmcp.LanMessage;
import io.slipway.drivers.ipmi.rmcp.RmcpPacket;
import io.slipway.drivers.ipmi.rmcp.SessionKeys;
import io.slipway.drivers.spi.DriverException;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.datagram.DatagramPacket;
import io.vertx.core.datagram.DatagramSocket;
import io.vertx.core.datagram.DatagramSocketOptions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One UDP socket shared by every BMC session of a client, with request/answer matching and
 * retransmission on timers. All state is confined to the client's context thread.
 *
 * <p>A retransmission sends the very same datagram again (same session sequence number, same
 * requester sequence), so a BMC can recognise the copy and an answer to any copy completes the
 * request. Waits adapt to each BMC's observed latency ({@link RttEstimator}) and double after each
 * expiry. A non-idempotent request is not sent again before its answer is overdue ({@link
 * RttEstimator#overdue}).
 *
 * <p>Answers are matched by a key: sessionless messages by sender and requester sequence,
 * session-setup payloads by sender, payload type and message tag (a refusal may be only two bytes
 * long and carry no session ID), session messages by console session ID and requester sequence.
 * A setup answer that arrives sealed (a RAKP 4 sent again for a repeated RAKP 3 once the BMC
 * considers the session open) is opened with the keys registered for that console session.
 * Unmatched datagrams (late duplicates, strangers) are dropped.
 */
final class Transport {

    private final Vertx vertx;
    private final Context context;
    private final IpmiClientOptions options;
    private final Pacer pacer;
    private final Map<String, Exchange> pending = new HashMap<>();
    private final Map<Integer, Session> sessions = new HashMap<>();
    private final Map<Integer, SessionKeys> setupKeys = new HashMap<>();
    private final Map<String, RttEstimator> rtts = new HashMap<>();
    private final RttEstimator clientRtt;
    private DatagramSocket socket;
    private Future<Void> started;

    Transport(Vertx vertx, Context context, IpmiClientOptions options, Pacer pacer) {
        this.vertx = vertx;
        this.context = context;
        this.options = options;
        this.pacer = pacer;
        this.clientRtt = new RttEstimator(options.minRtoMs(), options.maxRtoMs());
    }

    /** Binds the socket once; later calls return the same future. Must run on the context. */
    Future<Void> start() {
        if (started == null) {
            socket = vertx.createDatagramSocket(
                    new DatagramSocketOptions().setReceiveBufferSize(options.receiveBufferBytes()));
            socket.handler(this::onPacket);
            started = socket.listen(0, "0.0.0.0").mapEmpty();
        }
        return started;
    }

    /** Fails whatever still waits for an answer, then closes the socket. */
    Future<Void> close() {
        List<Exchange> waiting = List.copyOf(pending.values());
        pending.clear();
        waiting.forEach(x -> x.fail(DriverException.failed("IPMI client closed")));
        return socket == null ? Future.succeededFuture() : socket.close();
    }

    Context context() {
        return context;
    }

    void register(Session session) {
        sessions.put(session.consoleSid(), session);
    }

    void unregister(Session session) {
        sessions.remove(session.consoleSid());
    }

    /** Keys to open setup answers that arrive sealed for {@code consoleSid} (see class comment). */
    void expectSealedSetup(int consoleSid, SessionKeys keys) {
        setupKeys.put(consoleSid, keys);
    }

    void forgetSetup(int consoleSid) {
        setupKeys.remove(consoleSid);
    }

    /**
     * Sends {@code packet} and waits for the answer keyed {@code key}, sending the same datagram again
     * when a wait expires, up to {@code retries} more times, each wait twice the one before.
     */
    Future<Object> exchange(BmcKey bmc, String key, Buffer packet, boolean idempotent, int retries, String what) {
        RttEstimator rtt = rtt(bmc);
        long prior = Math.max(options.attemptTimeoutMs(), clientRtt.rto(options.attemptTimeoutMs()));
        long first = idempotent ? rtt.rto(prior) : rtt.overdue(prior);
        long cap = Math.max(first, options.maxRtoMs());
        return new Exchange(this, bmc, key, packet, what, first, cap, retries, true).start();
    }

    /** Like {@link #exchange} with fixed waits and no latency learning: for optional probes. */
    Future<Object> probe(BmcKey bmc, String key, Buffer packet, long timeoutMs, int attempts, String what) {
        return new Exchange(this, bmc, key, packet, what, timeoutMs, timeoutMs, attempts - 1, false).start();
    }

    /** Fire and forget, for Close Session where an answer changes nothing. */
    void send(BmcKey bmc, Buffer packet) {
        socket.send(packet, bmc.port(), bmc.host());
    }

    /** The smoothed round trip to {@code bmc} in ms, or -1 before any answer; for tests and logs. */
    long smoothedRttMs(BmcKey bmc) {
        RttEstimator r = rtts.get(bmc.endpoint());
        return r == null ? -1 : r.smoothedMs();
    }

    static String sessionlessKey(String endpoint, int rqSeq) {
        return "s/" + endpoint + "/" + rqSeq;
    }

    static String setupKey(String endpoint, int payloadType, int tag) {
        return "p/" + endpoint + "/" + payloadType + "/" + tag;
    }

    static String sessionKey(int consoleSid, int rqSeq) {
        return "c/" + consoleSid + "/" + rqSeq;
    }

    private RttEstimator rtt(BmcKey bmc) {
        return rtts.computeIfAbsent(bmc.endpoint(), e -> new RttEstimator(options.minRtoMs(), options.maxRtoMs()));
    }

    private void onPacket(DatagramPacket datagram) {
        try {
            RmcpPacket p = RmcpPacket.parse(datagram.data());
            String endpoint = Addresses.canonical(datagram.sender().host()) + ":"
                    + datagram.sender().port();
            if (p.authType() == RmcpPacket.AUTH_NONE) {
                LanMessage m = LanMessage.decode(p.payload(), true);
                complete(sessionlessKey(endpoint, m.rqSeq()), m);
            } else if (p.payloadType() != RmcpPacket.PAYLOAD_IPMI) {
                byte[] payload = setupPayload(p);
                if (payload != null && payload.length > 0) {
                    complete(setupKey(endpoint, p.payloadType(), payload[0] & 0xFF), payload);
                }
            } else {
                Session s = sessions.get(p.sessionId());
                if (s != null) {
                    LanMessage m = LanMessage.decode(p.open(s.keys()), true);
                    complete(sessionKey(s.consoleSid(), m.rqSeq()), m);
                }
            }
        } catch (RuntimeException malformed) {
            // A datagram we cannot parse or authenticate is treated like a lost one: the retransmit
            // timer of whatever waits for it still runs.
        }
    }

    private byte[] setupPayload(RmcpPacket p) {
        if (!p.authenticated() && !p.encrypted()) {
            return p.payload();
        }
        SessionKeys keys = setupKeys.get(p.sessionId());
        return keys == null ? null : p.open(keys);
    }

    private void complete(String key, Object answer) {
        Exchange x = pending.remove(key);
        if (x != null) {
            x.answered(answer);
        }
    }

    // --- used by Exchange, on the context thread ---

    void await(String key, Exchange x) {
        pending.put(key, x);
    }

    void abandon(String key, Exchange x) {
        pending.remove(key, x);
    }

    Future<Void> transmit(BmcKey bmc, Buffer packet) {
        return socket.send(packet, bmc.port(), bmc.host());
    }

    Vertx vertx() {
        return vertx;
    }

    /** Whether an expired wait of {@code waitMs} is a loss by {@code bmc}'s own standard. */
    void expired(BmcKey bmc, long waitMs) {
        RttEstimator r = rtt(bmc);
        if (r.known() && 2 * r.smoothedMs() < waitMs) {
            pacer.timedOut(); // overdue by this BMC's own standard: loss, maybe congestion
        }
    }

    void answeredAfter(BmcKey bmc, long ms) {
        RttEstimator r = rtt(bmc);
        r.sample(ms);
        clientRtt.sample(ms);
        pacer.answered(ms, r.baselineMs());
    }
}
