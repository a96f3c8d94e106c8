package io.slipway.drivers.lab.bmc;

import io.slipway.drivers.ipmi.rmcp.CipherSuite;
import io.slipway.drivers.ipmi.rmcp.Crypto;
import io.slipway.drivers.ipmi.rmcp.Handshake;
import io.slipway.drivers.ipmi.rmcp.LanMessage;
import io.slipway.drivers.ipmi.rmcp.RmcpPacket;
import io.slipway.drivers.ipmi.rmcp.RmcpStatus;
import io.slipway.drivers.ipmi.rmcp.SessionKeys;
import io.vertx.core.buffer.Buffer;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The BMC side of RMCP+: sessionless messages, Open Session, RAKP 1–4 and in-session IPMI messages,
 * answering retransmitted requests from a cache so a lost answer never runs a command twice.
 * Confined to the lab BMC's context thread.
 */
final class LabRmcpServer {

    private static final int MAX_SESSIONS = 64;

    private final LabBmcConfig config;
    private final LabCommands commands;
    private final byte[] guid = Crypto.random(16);
    private final Map<Integer, LabSession> byBmcSid = new LinkedHashMap<>();
    private final Map<Integer, LabSession> byConsoleSid = new LinkedHashMap<>();
    private final AtomicInteger opened = new AtomicInteger();

    LabRmcpServer(LabBmcConfig config, LabCommands commands) {
        this.config = config;
        this.commands = commands;
    }

    /** The answer to one datagram, or empty when a real BMC would stay silent. */
    Optional<Buffer> handle(Buffer datagram) {
        try {
            RmcpPacket p = RmcpPacket.parse(datagram);
            if (p.authType() == RmcpPacket.AUTH_NONE) {
                LanMessage request = LanMessage.decode(p.payload(), false);
                return commands.sessionless(request).map(rsp -> RmcpPacket.sessionless(rsp.encode()));
            }
            return switch (p.payloadType()) {
                case RmcpPacket.OPEN_SESSION_REQUEST -> Optional.of(open(Handshake.OpenRequest.decode(p.payload())));
                case RmcpPacket.RAKP_1 -> Optional.ofNullable(rakp1(Handshake.Rakp1.decode(p.payload())));
                case RmcpPacket.RAKP_3 -> Optional.ofNullable(rakp3(Handshake.Rakp3.decode(p.payload())));
                case RmcpPacket.PAYLOAD_IPMI -> inSession(p);
                default -> Optional.empty();
            };
        } catch (RuntimeException malformed) {
            return Optional.empty();
        }
    }

    private Buffer open(Handshake.OpenRequest rq) {
        LabSession known = byConsoleSid.get(rq.consoleSid());
        if (known != null) {
            return RmcpPacket.plain(RmcpPacket.OPEN_SESSION_RESPONSE, known.openAnswer);
        }
        Optional<CipherSuite> suite = CipherSuite.byAlgorithms(rq.auth(), rq.integrity(), rq.conf())
                .filter(s -> config.cipherSuites().contains(s.id()));
        if (suite.isEmpty()) {
            return openAnswer(new Handshake.OpenResponse(
                    rq.tag(), RmcpStatus.INVALID_AUTH_ALGORITHM, 0, rq.consoleSid(), 0, 0, 0, 0));
        }
        evictIfFull();
        int bmcSid = Crypto.randomNonZeroInt();
        CipherSuite s = suite.get();
        byte[] answer = new Handshake.OpenResponse(
                        rq.tag(),
                        RmcpStatus.OK,
                        rq.privilege(),
                        rq.consoleSid(),
                        bmcSid,
                        s.authAlgorithm(),
                        s.integrityAlgorithm(),
                        s.confidentialityAlgorithm())
                .encode();
        LabSession session = new LabSession(rq.consoleSid(), bmcSid, s, answer);
        byBmcSid.put(bmcSid, session);
        byConsoleSid.put(rq.consoleSid(), session);
        return RmcpPacket.plain(RmcpPacket.OPEN_SESSION_RESPONSE, answer);
    }

    private Buffer rakp1(Handshake.Rakp1 r1) {
        LabSession s = byBmcSid.get(r1.bmcSid());
        if (s == null) {
            return null;
        }
        if (s.rakp2Answer != null && Arrays.equals(s.rc, r1.rc())) {
            return RmcpPacket.plain(RmcpPacket.RAKP_2, s.rakp2Answer);
        }
        int status = !r1.username().equals(config.username())
                ? RmcpStatus.UNAUTHORIZED_NAME
                : (r1.role() & 0x0F) > 4 ? RmcpStatus.UNAUTHORIZED_ROLE : RmcpStatus.OK;
        if (status != RmcpStatus.OK) {
            forget(s);
            return RmcpPacket.plain(
                    RmcpPacket.RAKP_2, new Handshake.Rakp2(r1.tag(), status, s.consoleSid, null, null, null).encode());
        }
        s.rc = r1.rc();
        s.rm = Crypto.random(16);
        s.role = r1.role();
        s.username = r1.username();
        byte[] code =
                SessionKeys.rakp2Code(s.suite, kuid(), s.consoleSid, s.bmcSid, s.rc, s.rm, guid, s.role, s.username);
        s.rakp2Answer = new Handshake.Rakp2(r1.tag(), RmcpStatus.OK, s.consoleSid, s.rm, guid, code).encode();
        return RmcpPacket.plain(RmcpPacket.RAKP_2, s.rakp2Answer);
    }

    private Buffer rakp3(Handshake.Rakp3 r3) {
        LabSession s = byBmcSid.get(r3.bmcSid());
        if (s == null || s.rm == null) {
            return null;
        }
        if (s.rakp4Answer != null) {
            return RmcpPacket.plain(RmcpPacket.RAKP_4, s.rakp4Answer);
        }
        byte[] expected = SessionKeys.rakp3Code(s.suite, kuid(), s.rm, s.consoleSid, s.role, s.username);
        if (r3.status() != 0 || !MessageDigest.isEqual(expected, r3.authCode())) {
            forget(s);
            return RmcpPacket.plain(
                    RmcpPacket.RAKP_4,
                    new Handshake.Rakp4(r3.tag(), RmcpStatus.INVALID_INTEGRITY_CHECK, s.consoleSid, new byte[0])
                            .encode());
        }
        opened.incrementAndGet();
        s.keys = SessionKeys.derive(s.suite, kuid(), s.rc, s.rm, s.role, s.username);
        s.rakp4Answer = new Handshake.Rakp4(
                        r3.tag(), RmcpStatus.OK, s.consoleSid, s.keys.rakp4Icv(s.rc, s.bmcSid, guid))
                .encode();
        return RmcpPacket.plain(RmcpPacket.RAKP_4, s.rakp4Answer);
    }

    private Optional<Buffer> inSession(RmcpPacket p) {
        LabSession s = byBmcSid.get(p.sessionId());
        if (s == null || !s.active() || !p.authenticated()) {
            return Optional.empty();
        }
        LanMessage request = LanMessage.decode(p.open(s.keys), false);
        LanMessage answer;
        if (request.equals(s.lastRequest)) {
            answer = s.lastAnswer; // a retransmission: answer again, do not run it again
        } else {
            answer = request.netFn() == 0x06 && request.cmd() == 0x3C ? close(s, request) : commands.handle(s, request);
            s.lastRequest = request;
            s.lastAnswer = answer;
        }
        return Optional.of(RmcpPacket.sealed(s.keys, s.consoleSid, s.nextSequence(), answer.encode()));
    }

    private LanMessage close(LabSession s, LanMessage request) {
        forget(s);
        return LanMessage.response(request, 0, new byte[0]);
    }

    private Buffer openAnswer(Handshake.OpenResponse answer) {
        return RmcpPacket.plain(RmcpPacket.OPEN_SESSION_RESPONSE, answer.encode());
    }

    private void evictIfFull() {
        if (byBmcSid.size() >= MAX_SESSIONS) {
            forget(byBmcSid.values().iterator().next()); // oldest first, as BMCs reclaim stale slots
        }
    }

    private void forget(LabSession s) {
        byBmcSid.remove(s.bmcSid);
        byConsoleSid.remove(s.consoleSid);
    }

    private byte[] kuid() {
        return SessionKeys.kuid(config.password());
    }

    /** Sessions that completed RAKP since start; readable from any thread. */
    int sessionsOpened() {
        return opened.get();
    }
}
