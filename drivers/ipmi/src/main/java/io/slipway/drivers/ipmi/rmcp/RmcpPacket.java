package io.slipway.drivers.ipmi.rmcp;

import io.vertx.core.buffer.Buffer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * One UDP datagram: RMCP header plus either an IPMI 1.5 sessionless message or an RMCP+ (IPMI 2.0)
 * packet (IPMI 2.0 §13.6, Table 13-8). Authenticated packets carry an integrity pad and an
 * AuthCode; encrypted ones an AES-CBC-128 payload with a random IV.
 *
 * @param authType 0x00 (IPMI 1.5, no auth) or 0x06 (RMCP+)
 * @param payloadType RMCP+ payload type without the auth/encrypt bits (0x00 IPMI, 0x10–0x15
 *     handshake)
 * @param raw the whole datagram, kept to check the AuthCode
 * @param payloadOffset where the payload starts in {@code raw}
 */
public record RmcpPacket(
        int authType,
        int payloadType,
        boolean authenticated,
        boolean encrypted,
        int sessionId,
        int sequence,
        byte[] raw,
        int payloadOffset,
        int payloadLength) {

    public static final int AUTH_NONE = 0x00;
    public static final int AUTH_RMCPPLUS = 0x06;
    public static final int PAYLOAD_IPMI = 0x00;
    public static final int OPEN_SESSION_REQUEST = 0x10;
    public static final int OPEN_SESSION_RESPONSE = 0x11;
    public static final int RAKP_1 = 0x12;
    public static final int RAKP_2 = 0x13;
    public static final int RAKP_3 = 0x14;
    public static final int RAKP_4 = 0x15;

    private static final byte[] RMCP_HEADER = {0x06, 0x00, (byte) 0xFF, 0x07};

    /** An IPMI 1.5 sessionless datagram carrying one LAN message. */
    public static Buffer sessionless(byte[] lanMessage) {
        ByteBuffer b = le(4 + 10 + lanMessage.length);
        b.put(RMCP_HEADER)
                .put((byte) AUTH_NONE)
                .putInt(0)
                .putInt(0)
                .put((byte) lanMessage.length)
                .put(lanMessage);
        return Buffer.buffer(b.array());
    }

    /** An unauthenticated, unencrypted RMCP+ datagram (session setup messages). */
    public static Buffer plain(int payloadType, byte[] payload) {
        ByteBuffer b = le(4 + 12 + payload.length);
        b.put(RMCP_HEADER)
                .put((byte) AUTH_RMCPPLUS)
                .put((byte) payloadType)
                .putInt(0)
                .putInt(0)
                .putShort((short) payload.length)
                .put(payload);
        return Buffer.buffer(b.array());
    }

    /** An authenticated and encrypted RMCP+ IPMI datagram within an established session. */
    public static Buffer sealed(SessionKeys keys, int sessionId, int sequence, byte[] lanMessage) {
        byte[] iv = Crypto.random(16);
        byte[] enc = Crypto.aesEncrypt(keys.aesKey(), iv, lanMessage);
        int payloadLength = iv.length + enc.length;
        int pad = (4 - (12 + payloadLength + 2) % 4) % 4;
        int icv = keys.suite().icvLength();
        ByteBuffer b = le(4 + 12 + payloadLength + pad + 2 + icv);
        b.put(RMCP_HEADER)
                .put((byte) AUTH_RMCPPLUS)
                .put((byte) 0xC0)
                .putInt(sessionId)
                .putInt(sequence)
                .putShort((short) payloadLength)
                .put(iv)
                .put(enc);
        for (int i = 0; i < pad; i++) {
            b.put((byte) 0xFF);
        }
        b.put((byte) pad).put((byte) 0x07);
        b.put(keys.authCode(b.array(), 4, b.position() - 4));
        return Buffer.buffer(b.array());
    }

    /** Parses the headers; the payload is checked and decrypted later by {@link #open}. */
    public static RmcpPacket parse(Buffer datagram) {
        byte[] raw = datagram.getBytes();
        if (raw.length < 14 || raw[0] != 0x06 || (raw[3] & 0x1F) != 0x07) {
            throw new IllegalArgumentException("not an RMCP/IPMI datagram");
        }
        ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        int authType = raw[4] & 0xFF;
        if (authType == AUTH_NONE) {
            int len = raw[13] & 0xFF;
            check(14 + len <= raw.length);
            return new RmcpPacket(authType, PAYLOAD_IPMI, false, false, b.getInt(9), b.getInt(5), raw, 14, len);
        }
        check(authType == AUTH_RMCPPLUS && raw.length >= 16);
        int type = raw[5] & 0xFF;
        int len = b.getShort(14) & 0xFFFF;
        check(16 + len <= raw.length);
        return new RmcpPacket(
                authType, type & 0x3F, (type & 0x40) != 0, (type & 0x80) != 0, b.getInt(6), b.getInt(10), raw, 16, len);
    }

    /** The payload as sent, for unauthenticated packets. */
    public byte[] payload() {
        return Arrays.copyOfRange(raw, payloadOffset, payloadOffset + payloadLength);
    }

    /**
     * Checks the AuthCode with {@code keys} (when authenticated) and decrypts (when encrypted).
     *
     * @throws SecurityException when the AuthCode does not match
     */
    public byte[] open(SessionKeys keys) {
        if (authenticated) {
            int icv = keys.suite().icvLength();
            check(raw.length >= payloadOffset + payloadLength + 2 + icv);
            byte[] expected = keys.authCode(raw, 4, raw.length - icv - 4);
            byte[] actual = Arrays.copyOfRange(raw, raw.length - icv, raw.length);
            if (!MessageDigest.isEqual(expected, actual)) {
                throw new SecurityException("RMCP+ AuthCode mismatch");
            }
        }
        if (!encrypted) {
            return payload();
        }
        check(payloadLength >= 32);
        byte[] iv = Arrays.copyOfRange(raw, payloadOffset, payloadOffset + 16);
        byte[] enc = Arrays.copyOfRange(raw, payloadOffset + 16, payloadOffset + payloadLength);
        return Crypto.aesDecrypt(keys.aesKey(), iv, enc);
    }

    private static void check(boolean ok) {
        if (!ok) {
            throw new IllegalArgumentException("truncated RMCP packet");
        }
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }
}
