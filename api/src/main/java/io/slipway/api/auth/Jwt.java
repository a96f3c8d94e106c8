package io.slipway.api.auth;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Map;

/**
 * A compact JWS (RFC 7515) split into its parts. Only RS256 and ES256 are accepted: {@code none}
 * and the HMAC algorithms are refused outright, which closes the classic algorithm-confusion holes.
 *
 * @param signingInput the bytes the signature covers ({@code header.payload} as sent)
 */
record Jwt(JsonObject header, JsonObject claims, byte[] signingInput, byte[] signature) {

    /** Algorithm → JCA signature name and JWK key type. ES256 signatures are R‖S (P1363), not DER. */
    private static final Map<String, String[]> ALGORITHMS = Map.of(
            "RS256", new String[] {"SHA256withRSA", "RSA"},
            "ES256", new String[] {"SHA256withECDSAinP1363Format", "EC"});

    /** Splits and decodes a token; fails with UNAUTHENTICATED if it is not a JWS this code accepts. */
    static Jwt parse(String compact) {
        String[] parts = compact.split("\\.", -1);
        if (parts.length != 3) {
            throw AuthException.unauthenticated("the bearer credential is not a JWT");
        }
        try {
            JsonObject header = json(parts[0]);
            JsonObject claims = json(parts[1]);
            byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
            Jwt jwt =
                    new Jwt(header, claims, (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII), signature);
            jwt.checkHeader();
            return jwt;
        } catch (IllegalArgumentException | ClassCastException | io.vertx.core.json.DecodeException e) {
            throw AuthException.unauthenticated("the JWT is malformed");
        }
    }

    String alg() {
        return header.getString("alg");
    }

    String kid() {
        return header.getString("kid");
    }

    /** The JWK key type that can verify this token ({@code RSA} or {@code EC}). */
    String keyType() {
        return ALGORITHMS.get(alg())[1];
    }

    /** Whether {@code key} made the signature. Never throws for a bad signature, only answers false. */
    boolean verifiedBy(PublicKey key) {
        try {
            Signature s = Signature.getInstance(ALGORITHMS.get(alg())[0]);
            s.initVerify(key);
            s.update(signingInput);
            return s.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private void checkHeader() {
        if (!ALGORITHMS.containsKey(alg())) {
            throw AuthException.unauthenticated("JWT algorithm '" + alg() + "' is not accepted (RS256 or ES256)");
        }
        if (header.containsKey("crit")) {
            // RFC 7515 §4.1.11: extensions we do not implement must make the token invalid.
            throw AuthException.unauthenticated("JWT header 'crit' extensions are not supported");
        }
    }

    private static JsonObject json(String part) {
        return new JsonObject(new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8));
    }
}
