package io.slipway.drivers.ipmi.rmcp;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Session setup payloads: Open Session (IPMI 2.0 §13.17–13.18) and RAKP 1–4 (§13.20–13.23). Each
 * record encodes itself and has a decoder, so client and simulated BMC share one layout.
 */
public final class Handshake {

    private Handshake() {}

    /** Open Session Request: requested privilege plus one algorithm of each kind. */
    public record OpenRequest(int tag, int privilege, int consoleSid, int auth, int integrity, int conf) {
        public byte[] encode() {
            ByteBuffer b = le(32).put((byte) tag)
                    .put((byte) privilege)
                    .putShort((short) 0)
                    .putInt(consoleSid);
            algorithm(b, 0, auth);
            algorithm(b, 1, integrity);
            algorithm(b, 2, conf);
            return b.array();
        }

        public static OpenRequest decode(byte[] p) {
            need(p, 32);
            ByteBuffer b = wrap(p);
            return new OpenRequest(p[0] & 0xFF, p[1] & 0x0F, b.getInt(4), p[12] & 0x3F, p[20] & 0x3F, p[28] & 0x3F);
        }
    }

    /** Open Session Response; on a non-zero status only the first 8 bytes are meaningful. */
    public record OpenResponse(
            int tag, int status, int privilege, int consoleSid, int bmcSid, int auth, int integrity, int conf) {
        public byte[] encode() {
            if (status != 0) {
                return le(8).put((byte) tag)
                        .put((byte) status)
                        .put((byte) privilege)
                        .put((byte) 0)
                        .putInt(consoleSid)
                        .array();
            }
            ByteBuffer b = le(36).put((byte) tag)
                    .put((byte) status)
                    .put((byte) privilege)
                    .put((byte) 0)
                    .putInt(consoleSid)
                    .putInt(bmcSid);
            algorithm(b, 0, auth);
            algorithm(b, 1, integrity);
            algorithm(b, 2, conf);
            return b.array();
        }

        public static OpenResponse decode(byte[] p) {
            need(p, 2);
            if ((p[1] & 0xFF) != 0) {
                int sid = p.length >= 8 ? wrap(p).getInt(4) : 0;
                return new OpenResponse(p[0] & 0xFF, p[1] & 0xFF, 0, sid, 0, 0, 0, 0);
            }
            need(p, 36);
            ByteBuffer b = wrap(p);
            return new OpenResponse(
                    p[0] & 0xFF, 0, p[2] & 0x0F, b.getInt(4), b.getInt(8), p[16] & 0x3F, p[24] & 0x3F, p[32] & 0x3F);
        }
    }

    /** RAKP 1: the console's random number, requested role and user name. */
    public record Rakp1(int tag, int bmcSid, byte[] rc, int role, String username) {
        public byte[] encode() {
            byte[] name = username.getBytes(StandardCharsets.US_ASCII);
            return le(28 + name.length)
                    .put((byte) tag)
                    .put(new byte[3])
                    .putInt(bmcSid)
                    .put(rc)
                    .put((byte) role)
                    .putShort((short) 0)
                    .put((byte) name.length)
                    .put(name)
                    .array();
        }

        public static Rakp1 decode(byte[] p) {
            need(p, 28);
            int len = p[27] & 0xFF;
            need(p, 28 + len);
            return new Rakp1(
                    p[0] & 0xFF,
                    wrap(p).getInt(4),
                    Arrays.copyOfRange(p, 8, 24),
                    p[24] & 0xFF,
                    new String(p, 28, len, StandardCharsets.US_ASCII));
        }
    }

    /** RAKP 2: the BMC's random number, GUID and proof that it knows the password. */
    public record Rakp2(int tag, int status, int consoleSid, byte[] rm, byte[] guid, byte[] authCode) {
        public byte[] encode() {
            if (status != 0) {
                return le(8).put((byte) tag)
                        .put((byte) status)
                        .putShort((short) 0)
                        .putInt(consoleSid)
                        .array();
            }
            return le(40 + authCode.length)
                    .put((byte) tag)
                    .put((byte) status)
                    .putShort((short) 0)
                    .putInt(consoleSid)
                    .put(rm)
                    .put(guid)
                    .put(authCode)
                    .array();
        }

        public static Rakp2 decode(byte[] p) {
            need(p, 8);
            int status = p[1] & 0xFF;
            int sid = wrap(p).getInt(4);
            if (status != 0) {
                return new Rakp2(p[0] & 0xFF, status, sid, new byte[0], new byte[0], new byte[0]);
            }
            need(p, 40);
            return new Rakp2(
                    p[0] & 0xFF,
                    0,
                    sid,
                    Arrays.copyOfRange(p, 8, 24),
                    Arrays.copyOfRange(p, 24, 40),
                    Arrays.copyOfRange(p, 40, p.length));
        }
    }

    /** RAKP 3: the console's proof that it knows the password. */
    public record Rakp3(int tag, int status, int bmcSid, byte[] authCode) {
        public byte[] encode() {
            return le(8 + authCode.length)
                    .put((byte) tag)
                    .put((byte) status)
                    .putShort((short) 0)
                    .putInt(bmcSid)
                    .put(authCode)
                    .array();
        }

        public static Rakp3 decode(byte[] p) {
            need(p, 8);
            return new Rakp3(p[0] & 0xFF, p[1] & 0xFF, wrap(p).getInt(4), Arrays.copyOfRange(p, 8, p.length));
        }
    }

    /** RAKP 4: the BMC's integrity check value over the session keys. */
    public record Rakp4(int tag, int status, int consoleSid, byte[] icv) {
        public byte[] encode() {
            return le(8 + icv.length)
                    .put((byte) tag)
                    .put((byte) status)
                    .putShort((short) 0)
                    .putInt(consoleSid)
                    .put(icv)
                    .array();
        }

        public static Rakp4 decode(byte[] p) {
            need(p, 8);
            return new Rakp4(p[0] & 0xFF, p[1] & 0xFF, wrap(p).getInt(4), Arrays.copyOfRange(p, 8, p.length));
        }
    }

    private static void algorithm(ByteBuffer b, int kind, int alg) {
        b.put((byte) kind).putShort((short) 0).put((byte) 8).put((byte) alg).put(new byte[3]);
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static ByteBuffer wrap(byte[] p) {
        return ByteBuffer.wrap(p).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static void need(byte[] p, int n) {
        if (p.length < n) {
            throw new IllegalArgumentException("handshake payload too short: " + p.length + " < " + n);
        }
    }
}
