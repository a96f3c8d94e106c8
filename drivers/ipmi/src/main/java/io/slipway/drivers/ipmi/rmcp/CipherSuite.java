package io.slipway.drivers.ipmi.rmcp;

import java.util.Arrays;
import java.util.Optional;

/**
 * The RMCP+ cipher suites this code speaks (IPMI 2.0 §22.15.2). Both use AES-CBC-128 for
 * confidentiality; they differ in the HMAC used for RAKP and for packet integrity.
 */
public enum CipherSuite {
    /** RAKP-HMAC-SHA1, HMAC-SHA1-96, AES-CBC-128: what nearly every BMC offers. */
    SUITE_3(3, 0x01, 0x01, 0x01, "HmacSHA1", 20, 12),
    /** RAKP-HMAC-SHA256, HMAC-SHA256-128, AES-CBC-128. */
    SUITE_17(17, 0x03, 0x04, 0x01, "HmacSHA256", 32, 16);

    private final int id;
    private final int authAlgorithm;
    private final int integrityAlgorithm;
    private final int confidentialityAlgorithm;
    private final String hmac;
    private final int hmacLength;
    private final int icvLength;

    CipherSuite(int id, int auth, int integrity, int conf, String hmac, int hmacLength, int icvLength) {
        this.id = id;
        this.authAlgorithm = auth;
        this.integrityAlgorithm = integrity;
        this.confidentialityAlgorithm = conf;
        this.hmac = hmac;
        this.hmacLength = hmacLength;
        this.icvLength = icvLength;
    }

    public int id() {
        return id;
    }

    public int authAlgorithm() {
        return authAlgorithm;
    }

    public int integrityAlgorithm() {
        return integrityAlgorithm;
    }

    public int confidentialityAlgorithm() {
        return confidentialityAlgorithm;
    }

    /** JCA name of the HMAC used for RAKP codes, key derivation and packet integrity. */
    public String hmac() {
        return hmac;
    }

    /** Length of a full HMAC (RAKP 2 and 3 key exchange codes). */
    public int hmacLength() {
        return hmacLength;
    }

    /** Length of the truncated HMAC in RAKP 4 and in every packet's AuthCode. */
    public int icvLength() {
        return icvLength;
    }

    public static Optional<CipherSuite> byId(int id) {
        return Arrays.stream(values()).filter(s -> s.id == id).findFirst();
    }

    public static Optional<CipherSuite> byAlgorithms(int auth, int integrity, int conf) {
        return Arrays.stream(values())
                .filter(s -> s.authAlgorithm == auth
                        && s.integrityAlgorithm == integrity
                        && s.confidentialityAlgorithm == conf)
                .findFirst();
    }
}
