package io.slipway.drivers.ipmi.client;

import io.slipway.drivers.ipmi.rmcp.LanMessage;
import io.slipway.drivers.ipmi.rmcp.RmcpPacket;
import io.slipway.drivers.ipmi.rmcp.SessionKeys;
import io.vertx.core.Future;

/**
 * An established RMCP+ session: both session IDs, the keys, and the two counters. Confined to the
 * client's context thread.
 */
final class Session {

    private final BmcKey bmc;
    private final int consoleSid;
    private final int bmcSid;
    private final SessionKeys keys;
    private int sequence;
    private int rqSeq;

    Session(BmcKey bmc, int consoleSid, int bmcSid, SessionKeys keys) {
        this.bmc = bmc;
        this.consoleSid = consoleSid;
        this.bmcSid = bmcSid;
        this.keys = keys;
    }

    int consoleSid() {
        return consoleSid;
    }

    int bmcSid() {
        return bmcSid;
    }

    SessionKeys keys() {
        return keys;
    }

    /**
     * Sends {@code request} in the session. A retransmission is the same sealed datagram (same
     * session sequence number and requester sequence), so a BMC can recognise the duplicate and the
     * answer to either copy matches; {@link IpmiRequest#idempotent()} decides how soon it may be sent.
     */
    Future<IpmiResponse> call(Transport transport, IpmiRequest request, int retries) {
        int seq = nextRqSeq();
        byte[] message = LanMessage.request(request.netFn(), request.cmd(), seq, request.data())
                .encode();
        return transport
                .exchange(
                        bmc,
                        Transport.sessionKey(consoleSid, seq),
                        RmcpPacket.sealed(keys, bmcSid, nextSequence(), message),
                        request.idempotent(),
                        retries,
                        request.name())
                .map(answer -> {
                    LanMessage m = (LanMessage) answer;
                    return new IpmiResponse(m.completionCode(), m.data());
                });
    }

    /** Close Session (App 0x3C), sent once without waiting: the BMC expires it anyway if lost. */
    void close(Transport transport) {
        byte[] sid = {(byte) bmcSid, (byte) (bmcSid >> 8), (byte) (bmcSid >> 16), (byte) (bmcSid >> 24)};
        byte[] message = LanMessage.request(0x06, 0x3C, nextRqSeq(), sid).encode();
        transport.send(bmc, RmcpPacket.sealed(keys, bmcSid, nextSequence(), message));
        transport.unregister(this);
    }

    private int nextSequence() {
        sequence = sequence == -1 ? 1 : sequence + 1; // wraps past zero: 0 means "no session"
        return sequence;
    }

    private int nextRqSeq() {
        rqSeq = (rqSeq + 1) & 0x3F;
        return rqSeq;
    }
}
