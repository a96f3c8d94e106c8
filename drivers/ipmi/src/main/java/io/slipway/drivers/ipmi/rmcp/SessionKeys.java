package io.slipway.drivers.ipmi.rmcp;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Keys of one RMCP+ session and the RAKP computations that produce and prove them (IPMI 2.0
 * §13.20–13.23, §13.31–13.32). Shared by the client and the simulated BMC so both sides compute the
 * same bytes.
 *
 * @param sik session integrity key
 * @param k1 integrity key (AuthCode of every packet)
 * @param k2 confidentiality key; AES uses its first 16 bytes
 */
public record SessionKeys(CipherSuite suite, byte[] sik, byte[] k1, byte[] k2) {

    private static final byte[] CONST_1 = filled(0x01);
    private static final byte[] CONST_2 = filled(0x02);

    /** K_UID: the password as bytes, at most 20 (HMAC zero-pads short keys itself). */
    public static byte[] kuid(String password) {
        byte[] pw = password.getBytes(StandardCharsets.UTF_8);
        return pw.length > 20 ? Arrays.copyOf(pw, 20) : pw;
    }

    /** SIK = HMAC_Kuid(Rc | Rm | role | ulen | username), then K1 and K2 from SIK. */
    public static SessionKeys derive(CipherSuite suite, byte[] kuid, byte[] rc, byte[] rm, int role, String username) {
        byte[] sik = Crypto.hmac(suite.hmac(), kuid, rc, rm, roleAndName(role, username));
        return new SessionKeys(
                suite, sik, Crypto.hmac(suite.hmac(), sik, CONST_1), Crypto.hmac(suite.hmac(), sik, CONST_2));
    }

    /**
     * RAKP 2 key exchange code: HMAC_Kuid(SIDc | SIDm | Rc | Rm | GUIDm | role | ulen | username).
     */
    public static byte[] rakp2Code(
            CipherSuite suite,
            byte[] kuid,
            int consoleSid,
            int bmcSid,
            byte[] rc,
            byte[] rm,
            byte[] guid,
            int role,
            String username) {
        return Crypto.hmac(
                suite.hmac(), kuid, le32(consoleSid), le32(bmcSid), rc, rm, guid, roleAndName(role, username));
    }

    /** RAKP 3 key exchange code: HMAC_Kuid(Rm | SIDc | role | ulen | username). */
    public static byte[] rakp3Code(
            CipherSuite suite, byte[] kuid, byte[] rm, int consoleSid, int role, String username) {
        return Crypto.hmac(suite.hmac(), kuid, rm, le32(consoleSid), roleAndName(role, username));
    }

    /** RAKP 4 integrity check value: HMAC_SIK(Rc | SIDm | GUIDm), truncated per suite. */
    public byte[] rakp4Icv(byte[] rc, int bmcSid, byte[] guid) {
        return Arrays.copyOf(Crypto.hmac(suite.hmac(), sik, rc, le32(bmcSid), guid), suite.icvLength());
    }

    /** The truncated AuthCode of a packet's integrity range. */
    public byte[] authCode(byte[] data, int offset, int length) {
        return Arrays.copyOf(
                Crypto.hmac(suite.hmac(), k1, Arrays.copyOfRange(data, offset, offset + length)), suite.icvLength());
    }

    public byte[] aesKey() {
        return Arrays.copyOf(k2, 16);
    }

    private static byte[] roleAndName(int role, String username) {
        byte[] name = username.getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[2 + name.length];
        out[0] = (byte) role;
        out[1] = (byte) name.length;
        System.arraycopy(name, 0, out, 2, name.length);
        return out;
    }

    static byte[] le32(int v) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array();
    }

    private static byte[] filled(int b) {
        byte[] out = new byte[20];
        Arrays.fill(out, (byte) b);
        return out;
    }

    @Override
    public String toString() {
        return "SessionKeys[" + suite + "]";
    }
}
