package io.slipway.drivers.ipmi.client;

import io.slipway.drivers.ipmi.rmcp.CipherSuite;
import io.slipway.drivers.ipmi.rmcp.Crypto;
import io.slipway.drivers.ipmi.rmcp.Handshake;
import io.slipway.drivers.ipmi.rmcp.RmcpPacket;
import io.slipway.drivers.ipmi.rmcp.RmcpStatus;
import io.slipway.drivers.ipmi.rmcp.SessionKeys;
import io.slipway.drivers.spi.DriverException;
import io.vertx.core.Future;
import java.security.MessageDigest;

/**
 * RAKP 1–4 after an accepted Open Session (IPMI 2.0 §13.20–13.23): proves both sides know the
 * password, derives the session keys and checks the BMC's integrity value.
 */
final class RakpExchange {

    private final SessionOpener opener;
    private final BmcKey bmc;
    private final CipherSuite suite;
    private final int consoleSid;
    private final int bmcSid;
    private final byte[] rc = Crypto.random(16);
    private final int role;
    private final String user;
    private final byte[] kuid;

    RakpExchange(SessionOpener opener, BmcKey bmc, CipherSuite suite, int consoleSid, int bmcSid) {
        this.opener = opener;
        this.bmc = bmc;
        this.role = opener.privilege() | 0x10; // name-only lookup: the user's own privilege may differ
        this.suite = suite;
        this.consoleSid = consoleSid;
        this.bmcSid = bmcSid;
        this.user = bmc.credentials().username();
        this.kuid = SessionKeys.kuid(bmc.credentials().password());
    }

    Future<Session> run() {
        var rakp1 = new Handshake.Rakp1(opener.nextTag(), bmcSid, rc, role, user);
        return opener.setup(bmc, rakp1.tag(), RmcpPacket.RAKP_1, rakp1.encode(), "RAKP 1")
                .recover(err -> {
                    abort(RmcpStatus.INVALID_INTEGRITY_CHECK); // frees the half-open session
                    return Future.failedFuture(HandshakeStall.wrap(err, "RAKP 1"));
                })
                .compose(this::onRakp2);
    }

    private Future<Session> onRakp2(byte[] payload) {
        var rakp2 = Handshake.Rakp2.decode(payload);
        if (rakp2.status() != RmcpStatus.OK) {
            return Future.failedFuture(SessionOpener.statusError(bmc, "RAKP 1", rakp2.status()));
        }
        if (rakp2.authCode().length != suite.hmacLength()) {
            // Some BMCs accept a suite in Open Session but answer with another suite's HMAC: that is
            // "suite not really supported", not a wrong password, so the next suite may be tried.
            return Future.failedFuture(DriverException.unsupported("BMC "
                    + bmc
                    + " answered RAKP 2 with a "
                    + rakp2.authCode().length
                    + "-byte code for cipher suite "
                    + suite.id()));
        }
        byte[] expected =
                SessionKeys.rakp2Code(suite, kuid, consoleSid, bmcSid, rc, rakp2.rm(), rakp2.guid(), role, user);
        if (!MessageDigest.isEqual(expected, rakp2.authCode())) {
            // tell the BMC, so it frees the half-open session instead of holding it until it times out
            abort(RmcpStatus.INVALID_INTEGRITY_CHECK);
            return Future.failedFuture(
                    DriverException.auth("BMC " + bmc + ": password rejected (RAKP 2 code mismatch)"));
        }
        var keys = SessionKeys.derive(suite, kuid, rc, rakp2.rm(), role, user);
        byte[] code = SessionKeys.rakp3Code(suite, kuid, rakp2.rm(), consoleSid, role, user);
        var rakp3 = new Handshake.Rakp3(opener.nextTag(), 0, bmcSid, code);
        Transport transport = opener.transport();
        // a BMC that already took a first copy of RAKP 3 answers the next one sealed with these keys
        transport.expectSealedSetup(consoleSid, keys);
        Session session = new Session(bmc, consoleSid, bmcSid, keys);
        return opener.setup(bmc, rakp3.tag(), RmcpPacket.RAKP_3, rakp3.encode(), "RAKP 3")
                .andThen(ar -> transport.forgetSetup(consoleSid))
                .recover(err -> {
                    // the BMC may consider the session open (RAKP 4 lost) or half-open: end both
                    abort(RmcpStatus.INVALID_INTEGRITY_CHECK);
                    session.close(transport);
                    return Future.failedFuture(HandshakeStall.wrap(err, "RAKP 3"));
                })
                .compose(p -> {
                    var rakp4 = Handshake.Rakp4.decode(p);
                    if (rakp4.status() != RmcpStatus.OK) {
                        return Future.failedFuture(SessionOpener.statusError(bmc, "RAKP 3", rakp4.status()));
                    }
                    if (!MessageDigest.isEqual(keys.rakp4Icv(rc, bmcSid, rakp2.guid()), rakp4.icv())) {
                        session.close(transport);
                        return Future.failedFuture(
                                DriverException.failed("BMC " + bmc + ": RAKP 4 integrity check failed"));
                    }
                    return Future.succeededFuture(session);
                });
    }

    private void abort(int status) {
        var abort = new Handshake.Rakp3(opener.nextTag(), status, bmcSid, new byte[0]);
        opener.sendOnce(bmc, RmcpPacket.RAKP_3, abort.encode());
    }
}
