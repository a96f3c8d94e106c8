package io.slipway.api.auth;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The signature keys of a JWKS document (RFC 7517): RSA keys and EC keys on P-256. Symmetric keys,
 * encryption keys and other curves are skipped, so a provider's extra keys never widen what is
 * accepted. Immutable.
 */
record JwkSet(List<Jwk> keys) {
    private static final Logger LOG = LoggerFactory.getLogger(JwkSet.class);

    static final JwkSet EMPTY = new JwkSet(List.of());

    /**
     * One public key.
     *
     * @param kty {@code RSA} or {@code EC}
     */
    record Jwk(String kid, String kty, PublicKey key) {}

    JwkSet {
        keys = List.copyOf(keys);
    }

    /**
     * Parses a JWKS document; keys that are malformed or unusable are skipped with a warning.
     *
     * @throws IllegalArgumentException if the text is not a JWKS or holds no usable key
     */
    static JwkSet parse(String json) {
        JsonArray keys;
        try {
            keys = new JsonObject(json).getJsonArray("keys");
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a JWKS document: " + e.getMessage(), e);
        }
        if (keys == null) {
            throw new IllegalArgumentException("not a JWKS document: no 'keys' array");
        }
        List<Jwk> usable = new ArrayList<>();
        for (Object k : keys) {
            Jwk jwk = k instanceof JsonObject o ? toJwk(o) : null;
            if (jwk != null) {
                usable.add(jwk);
            }
        }
        if (usable.isEmpty()) {
            throw new IllegalArgumentException("the JWKS holds no RSA or P-256 signature key");
        }
        return new JwkSet(usable);
    }

    /** Keys that may have signed a token: those with its {@code kid}, or all of the type if none. */
    List<Jwk> candidates(String kid, String kty) {
        return keys.stream()
                .filter(k -> k.kty().equals(kty))
                .filter(k -> kid == null || kid.equals(k.kid()))
                .toList();
    }

    private static Jwk toJwk(JsonObject o) {
        String kty = o.getString("kty");
        String use = o.getString("use");
        if (use != null && !use.equals("sig")) {
            return null;
        }
        try {
            return switch (String.valueOf(kty)) {
                case "RSA" -> new Jwk(o.getString("kid"), kty, rsa(o));
                case "EC" -> "P-256".equals(o.getString("crv")) ? new Jwk(o.getString("kid"), kty, ec(o)) : null;
                default -> null;
            };
        } catch (GeneralSecurityException | RuntimeException e) {
            LOG.warn("skipping JWKS key '{}': {}", o.getString("kid"), e.getMessage());
            return null;
        }
    }

    private static PublicKey rsa(JsonObject o) throws GeneralSecurityException {
        RSAPublicKeySpec spec = new RSAPublicKeySpec(number(o, "n"), number(o, "e"));
        return KeyFactory.getInstance("RSA").generatePublic(spec);
    }

    private static PublicKey ec(JsonObject o) throws GeneralSecurityException {
        AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
        params.init(new ECGenParameterSpec("secp256r1"));
        ECParameterSpec curve = params.getParameterSpec(ECParameterSpec.class);
        ECPoint point = new ECPoint(number(o, "x"), number(o, "y"));
        return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, curve));
    }

    private static BigInteger number(JsonObject o, String member) {
        String value = Objects.requireNonNull(o.getString(member), "missing '" + member + "'");
        return new BigInteger(1, Base64.getUrlDecoder().decode(value));
    }
}
