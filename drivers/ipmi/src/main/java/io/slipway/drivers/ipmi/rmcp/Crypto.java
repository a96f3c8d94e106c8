package io.slipway.drivers.ipmi.rmcp;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** HMAC, AES-CBC-128 with IPMI padding, and randomness (IPMI 2.0 §13.28–13.32). */
public final class Crypto {

    // JCA lookups cost more than the HMAC of a small packet, so engines are kept per thread; a
    // per-thread generator also avoids contention on one shared SecureRandom.
    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(SecureRandom::new);
    private static final ThreadLocal<Map<String, Mac>> MACS = ThreadLocal.withInitial(HashMap::new);
    private static final ThreadLocal<Cipher> AES = ThreadLocal.withInitial(Crypto::newAes);

    private Crypto() {}

    public static byte[] random(int length) {
        byte[] out = new byte[length];
        RANDOM.get().nextBytes(out);
        return out;
    }

    public static int randomNonZeroInt() {
        int v;
        do {
            v = RANDOM.get().nextInt();
        } while (v == 0);
        return v;
    }

    /** HMAC of the concatenated {@code parts}. */
    public static byte[] hmac(String algorithm, byte[] key, byte[]... parts) {
        try {
            Mac mac = MACS.get().get(algorithm);
            if (mac == null) {
                mac = Mac.getInstance(algorithm);
                MACS.get().put(algorithm, mac);
            }
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, algorithm));
            for (byte[] p : parts) {
                mac.update(p);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("JCA lacks " + algorithm, e);
        }
    }

    /** Encrypts {@code data} with IPMI's confidentiality pad (1, 2, … n, n) to a 16-byte multiple. */
    public static byte[] aesEncrypt(byte[] key, byte[] iv, byte[] data) {
        int pad = (16 - (data.length + 1) % 16) % 16;
        byte[] padded = Arrays.copyOf(data, data.length + pad + 1);
        for (int i = 1; i <= pad; i++) {
            padded[data.length + i - 1] = (byte) i;
        }
        padded[padded.length - 1] = (byte) pad;
        return aes(Cipher.ENCRYPT_MODE, key, iv, padded);
    }

    /** Decrypts and strips the confidentiality pad; fails on a malformed pad. */
    public static byte[] aesDecrypt(byte[] key, byte[] iv, byte[] encrypted) {
        if (encrypted.length == 0 || encrypted.length % 16 != 0) {
            throw new IllegalArgumentException("encrypted payload is not a multiple of 16 bytes");
        }
        byte[] plain = aes(Cipher.DECRYPT_MODE, key, iv, encrypted);
        int pad = plain[plain.length - 1] & 0xFF;
        if (pad > 15 || pad + 1 > plain.length) {
            throw new IllegalArgumentException("bad confidentiality pad length " + pad);
        }
        return Arrays.copyOf(plain, plain.length - pad - 1);
    }

    private static byte[] aes(int mode, byte[] key, byte[] iv, byte[] data) {
        try {
            Cipher c = AES.get();
            c.init(mode, new SecretKeySpec(key, 0, 16, "AES"), new IvParameterSpec(iv));
            return c.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-CBC failed", e);
        }
    }

    private static Cipher newAes() {
        try {
            return Cipher.getInstance("AES/CBC/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("JCA lacks AES/CBC", e);
        }
    }
}
