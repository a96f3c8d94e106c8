package io.slipway.api.auth;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;

/** Key pairs, JWKS documents and signed JWTs built with plain JDK crypto, as a provider would. */
final class TestJwts {
    static final String ISSUER = "https://idp.example/realms/dc1";
    static final String AUDIENCE = "slipway";

    private TestJwts() {}

    static KeyPair rsa() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static KeyPair ec() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonObject jwk(String kid, PublicKey key) {
        JsonObject jwk = new JsonObject().put("kid", kid).put("use", "sig");
        if (key instanceof RSAPublicKey r) {
            return jwk.put("kty", "RSA")
                    .put("alg", "RS256")
                    .put("n", b64(unsigned(r.getModulus(), 0)))
                    .put("e", b64(unsigned(r.getPublicExponent(), 0)));
        }
        ECPublicKey e = (ECPublicKey) key;
        return jwk.put("kty", "EC")
                .put("crv", "P-256")
                .put("x", b64(unsigned(e.getW().getAffineX(), 32)))
                .put("y", b64(unsigned(e.getW().getAffineY(), 32)));
    }

    static String jwks(JsonObject... keys) {
        return new JsonObject()
                .put("keys", new JsonArray(Arrays.asList((Object[]) keys)))
                .encode();
    }

    /** Claims valid for an hour, issued to {@link #AUDIENCE} by {@link #ISSUER}. */
    static JsonObject claims(String sub, String... roles) {
        long now = System.currentTimeMillis() / 1000;
        return new JsonObject()
                .put("iss", ISSUER)
                .put("aud", AUDIENCE)
                .put("sub", sub)
                .put("iat", now)
                .put("exp", now + 3600)
                .put("roles", new JsonArray(Arrays.asList((Object[]) roles)));
    }

    static String sign(String alg, String kid, PrivateKey key, JsonObject claims) {
        JsonObject header = new JsonObject().put("alg", alg).put("typ", "JWT");
        if (kid != null) {
            header.put("kid", kid);
        }
        String input = b64(header.encode().getBytes(StandardCharsets.UTF_8)) + "."
                + b64(claims.encode().getBytes(StandardCharsets.UTF_8));
        try {
            Signature s = Signature.getInstance(alg.equals("RS256") ? "SHA256withRSA" : "SHA256withECDSAinP1363Format");
            s.initSign(key);
            s.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + b64(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Big-endian magnitude without the sign byte, left-padded to {@code size} when given. */
    private static byte[] unsigned(BigInteger n, int size) {
        byte[] raw = n.toByteArray();
        if (raw.length > 1 && raw[0] == 0) {
            raw = Arrays.copyOfRange(raw, 1, raw.length);
        }
        if (size == 0 || raw.length >= size) {
            return raw;
        }
        byte[] padded = new byte[size];
        System.arraycopy(raw, 0, padded, size - raw.length, raw.length);
        return padded;
    }
}
