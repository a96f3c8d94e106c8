package io.slipway.drivers.ipmi.client;

import io.slipway.drivers.ipmi.rmcp.CipherSuite;
import io.slipway.drivers.ipmi.rmcp.Crypto;
import io.slipway.drivers.ipmi.rmcp.Handshake;
import io.slipway.drivers.ipmi.rmcp.RmcpPacket;
import io.slipway.drivers.ipmi.rmcp.RmcpStatus;
import io.slipway.drivers.spi.DriverException;
import io.vertx.core.Future;
import java.util.List;
import java.util.Map;

/**
 * Establishes RMCP+ sessions (IPMI 2.0 §13.15): Get Channel Authentication Capabilities, the cipher
 * suite choice, Open Session, RAKP 1–4 and Set Session Privilege Level.
 *
 * <p>Quirks handled without naming any BMC: the Open Session privilege is sent explicitly and not
 * required in the answer; the session is raised to the configured privilege because it starts at
 * USER; the user is looked up by name only; and cipher suite discovery is short and optional
 * because some BMCs never answer it.
 */
final class SessionOpener {

    private final Transport transport;
    private final IpmiClientOptions options;
    private final SuiteChooser chooser;
    private int tag;

    SessionOpener(Transport transport, IpmiClientOptions options, Map<String, CipherSuite> learned) {
        this.transport = transport;
        this.options = options;
        this.chooser = new SuiteChooser(transport, options, learned);
    }

    /**
     * Sets up a session. A setup that stalls after the BMC answered Open Session (a lost answer the
     * retransmissions did not recover, or a BMC that silently drops RAKP 1 for an unknown user) is
     * started once more from the beginning. When RAKP 1 went unanswered and the second setup times
     * out too (some BMCs then ignore the console altogether for a while), the user name is what the
     * BMC rejects and the error is AUTH. A BMC that never answers is not asked twice.
     */
    Future<Session> open(BmcKey bmc) {
        return openOnce(bmc).recover(first -> {
            if (!(first instanceof HandshakeStall stalled)) {
                return Future.failedFuture(first);
            }
            return openOnce(bmc)
                    .recover(second -> Future.failedFuture(
                            stalled.silentUser() && isTimeout(second)
                                    ? DriverException.auth("BMC "
                                            + bmc
                                            + " accepted Open Session but never answered RAKP 1,"
                                            + " twice: the user name is unknown to the BMC (or not"
                                            + " allowed on this channel)")
                                    : plain(second)));
        });
    }

    private static boolean isTimeout(Throwable err) {
        return err instanceof DriverException de && de.kind() == DriverException.Kind.TIMEOUT;
    }

    private Future<Session> openOnce(BmcKey bmc) {
        return chooser.checkIpmi20(bmc)
                .compose(v -> chooser.candidates(bmc))
                .compose(suites -> openWith(bmc, suites, 0))
                .compose(session -> raisePrivilege(bmc, session));
    }

    private static Throwable plain(Throwable err) {
        return err instanceof HandshakeStall s ? s.getCause() : err;
    }

    private Future<Session> openWith(BmcKey bmc, List<CipherSuite> suites, int index) {
        CipherSuite suite = suites.get(index);
        int consoleSid = Crypto.randomNonZeroInt();
        var request = new Handshake.OpenRequest(
                nextTag(),
                options.privilege(),
                consoleSid,
                suite.authAlgorithm(),
                suite.integrityAlgorithm(),
                suite.confidentialityAlgorithm());
        return setup(bmc, request.tag(), RmcpPacket.OPEN_SESSION_REQUEST, request.encode(), "Open Session")
                .recover(err -> Future.failedFuture(HandshakeStall.wrap(err, "Open Session")))
                .compose(payload -> {
                    var answer = Handshake.OpenResponse.decode(payload);
                    if (answer.status() == RmcpStatus.OK) {
                        return new RakpExchange(this, bmc, suite, consoleSid, answer.bmcSid())
                                .run()
                                .onSuccess(s -> chooser.learn(bmc, suite))
                                .recover(err -> suiteMismatch(err) && index + 1 < suites.size()
                                        ? openWith(bmc, suites, index + 1)
                                        : Future.failedFuture(err));
                    }
                    if (RmcpStatus.rejectsCipherSuite(answer.status()) && index + 1 < suites.size()) {
                        return openWith(bmc, suites, index + 1);
                    }
                    return Future.failedFuture(
                            statusError(bmc, "Open Session (cipher suite " + suite.id() + ")", answer.status()));
                });
    }

    private Future<Session> raisePrivilege(BmcKey bmc, Session session) {
        transport.register(session);
        IpmiRequest setPrivilege = IpmiRequest.of(0x06, 0x3B, options.privilege());
        return session.call(transport, setPrivilege, options.retries())
                .compose(rsp -> {
                    if (rsp.ok()) {
                        return Future.succeededFuture(session);
                    }
                    return Future.<Session>failedFuture(new DriverException(
                            DriverException.Kind.AUTH,
                            false,
                            "BMC " + bmc + " refused session privilege level " + options.privilege(),
                            rsp.completionCode(),
                            null));
                })
                .recover(err -> {
                    transport.unregister(session);
                    session.close(transport); // the BMC holds it open otherwise until it expires
                    return Future.failedFuture(HandshakeStall.wrap(err, "Set Session Privilege Level"));
                });
    }

    /** Sends a setup payload and waits for the matching answer (the request type + 1). */
    Future<byte[]> setup(BmcKey bmc, int tag, int type, byte[] payload, String what) {
        return transport
                .exchange(
                        bmc,
                        Transport.setupKey(bmc.endpoint(), type + 1, tag),
                        RmcpPacket.plain(type, payload),
                        true,
                        options.retries(),
                        what)
                .map(o -> (byte[]) o);
    }

    Transport transport() {
        return transport;
    }

    private static boolean suiteMismatch(Throwable err) {
        return err instanceof DriverException de && de.kind() == DriverException.Kind.UNSUPPORTED;
    }

    /** Sends a setup payload without waiting for any answer. */
    void sendOnce(BmcKey bmc, int type, byte[] payload) {
        transport.send(bmc, RmcpPacket.plain(type, payload));
    }

    int privilege() {
        return options.privilege();
    }

    static DriverException statusError(BmcKey bmc, String step, int status) {
        String message = "BMC " + bmc + " rejected " + step + ": " + RmcpStatus.describe(status);
        if (RmcpStatus.rejectsCredentials(status)) {
            return new DriverException(DriverException.Kind.AUTH, false, message, status, null);
        }
        if (RmcpStatus.rejectsCipherSuite(status)) {
            return new DriverException(DriverException.Kind.UNSUPPORTED, false, message, status, null);
        }
        return new DriverException(DriverException.Kind.FAILED, true, message, status, null);
    }

    int nextTag() {
        tag = (tag + 1) & 0xFF;
        return tag;
    }
}
